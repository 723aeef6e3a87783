package io.disponent.apiserver.internal.cache;

import io.disponent.store.Store;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link WatchCache} per resource prefix, started on first use and kept until the resource is
 * no longer served.
 */
public final class WatchCaches implements AutoCloseable {

  private final Store store;
  private final WatchCacheConfig config;
  private final Map<String, WatchCache> caches = new ConcurrentHashMap<>();

  public WatchCaches(Store store, WatchCacheConfig config) {
    this.store = store;
    this.config = config;
  }

  public WatchCache forPrefix(String prefix) {
    WatchCache existing = caches.get(prefix);
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      return caches.computeIfAbsent(prefix, p -> {
        WatchCache cache = new WatchCache(store, p, config);
        cache.start();
        return cache;
      });
    }
  }

  /** Stops the cache of a resource that is no longer served (its watchers end). */
  public void drop(String prefix) {
    WatchCache cache = caches.remove(prefix);
    if (cache != null) {
      cache.close();
    }
  }

  public Map<String, WatchCache> all() {
    return Map.copyOf(caches);
  }

  public WatchCacheConfig config() {
    return config;
  }

  @Override
  public void close() {
    caches.values().forEach(WatchCache::close);
    caches.clear();
  }
}
