package io.disponent.apiserver.internal.rest;

import io.disponent.apiserver.internal.cache.CacheWatcher;
import io.disponent.apiserver.internal.cache.WatchCache;
import io.disponent.apiserver.internal.cache.WatchItem;
import io.disponent.apiserver.internal.errors.ApiException;
import java.util.List;

/** A watch served by a resource's {@link WatchCache}. */
final class CacheWatchSession implements WatchSession {

  private final WatchCache cache;
  private final WatchCache.Registration registration;
  private long lastRevision;

  CacheWatchSession(WatchCache cache, WatchCache.Registration registration) {
    this.cache = cache;
    this.registration = registration;
    this.lastRevision = registration.startRevision();
  }

  @Override
  public List<WatchItem> initial() {
    return registration.initial();
  }

  @Override
  public WatchItem poll(long timeoutMillis) throws InterruptedException {
    WatchItem item = registration.watcher().poll(timeoutMillis);
    if (item != null) {
      lastRevision = Math.max(lastRevision, item.revision());
    }
    return item;
  }

  @Override
  public boolean ended() {
    return registration.watcher().terminated();
  }

  @Override
  public ApiException error() {
    return null;
  }

  @Override
  public long revision() {
    // With nothing queued, the watcher has seen everything the cache has.
    return Math.max(lastRevision, cache.revision());
  }

  @Override
  public void close() {
    registration.watcher().close();
  }

  CacheWatcher watcher() {
    return registration.watcher();
  }
}
