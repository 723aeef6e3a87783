package io.disponent.apiserver.internal.cache;

import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.storage.ObjectCodec;
import io.disponent.apiserver.internal.storage.StoreCalls;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.Store;
import io.disponent.store.StoreException;
import io.disponent.store.Watch;
import io.disponent.store.WatchEvent;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects of one resource kept in memory by one store watch, serving lists and watches of
 * that resource: 1,000 watchers cost one store watch. It keeps the current objects and a window
 * of recent events; a watch from a resourceVersion inside the window is served from memory.
 *
 * <p>Thread-safe. {@code lock} guards {@code objects}, {@code events}, {@code revision}, {@code
 * oldestResumable} and watcher registration, so that a watcher's catch-up and its live events
 * meet without a gap or a duplicate.
 */
public final class WatchCache implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WatchCache.class);

  /** What one list from the cache returns. */
  public record Snapshot(List<StoredObject> items, long revision) {}

  private final Store store;
  private final String prefix;
  private final WatchCacheConfig config;
  private final Object lock = new Object();
  private final TreeMap<String, StoredObject> objects = new TreeMap<>();
  private final ArrayDeque<CacheEvent> events = new ArrayDeque<>();
  private final Set<CacheWatcher> watchers = ConcurrentHashMap.newKeySet();
  private long revision;
  private long oldestResumable;
  private boolean ready;
  private boolean closed;
  private Watch storeWatch;

  public WatchCache(Store store, String prefix, WatchCacheConfig config) {
    this.store = store;
    this.prefix = prefix;
    this.config = config;
  }

  /** Loads the current objects and starts following the store. */
  public void start() {
    RangeResponse listed = StoreCalls.await(store.range(RangeRequest.prefix(prefix)), config.storeTimeout());
    synchronized (lock) {
      objects.clear();
      for (KeyValue kv : listed.kvs()) {
        objects.put(kv.key(), ObjectCodec.decode(kv));
      }
      revision = listed.revision();
      oldestResumable = listed.revision();
      events.clear();
      ready = true;
      lock.notifyAll();
    }
    storeWatch = store.watch(
        WatchRequest.of(KeyRange.prefix(prefix), listed.revision() + 1).withPrevKv().withProgress(config.progressInterval()),
        new Listener());
  }

  public String prefix() {
    return prefix;
  }

  public long revision() {
    synchronized (lock) {
      return revision;
    }
  }

  public int watcherCount() {
    return watchers.size();
  }

  /**
   * Waits until the cache has seen every change up to {@code minRevision}, then lists the objects
   * under {@code keyPrefix} that the filter accepts.
   */
  public Snapshot list(String keyPrefix, WatchFilter filter, long minRevision) {
    synchronized (lock) {
      awaitLocked(minRevision);
      List<StoredObject> out = new ArrayList<>();
      for (StoredObject o : objects.subMap(keyPrefix, true, keyPrefix + Character.MAX_VALUE, false).values()) {
        if (filter.matches(o)) {
          out.add(o);
        }
      }
      return new Snapshot(out, revision);
    }
  }

  /** One object by key, once the cache has seen {@code minRevision}. */
  public StoredObject get(String key, long minRevision) {
    synchronized (lock) {
      awaitLocked(minRevision);
      return objects.get(key);
    }
  }

  /**
   * Starts a watch. With {@code fromRevision} 0 the watcher first gets an ADDED event for every
   * matching object (returned as {@code initial}, at least at {@code minRevision}); otherwise it
   * gets every change after {@code fromRevision}.
   *
   * @return null when {@code fromRevision} is older than the window: the caller must watch the
   *     store directly (which answers 410 if it was compacted)
   */
  public Registration watch(String keyPrefix, WatchFilter filter, long fromRevision, long minRevision) {
    synchronized (lock) {
      if (fromRevision > 0 && fromRevision < oldestResumable) {
        return null;
      }
      awaitLocked(Math.max(minRevision, fromRevision));
      if (watchers.size() >= config.maxWatchers()) {
        throw ApiException.tooManyRequests("too many watches of " + prefix + ": " + config.maxWatchers(), 1);
      }
      CacheWatcher[] self = new CacheWatcher[1];
      CacheWatcher watcher = new CacheWatcher(filter, config.watcherQueue(), () -> watchers.remove(self[0]));
      self[0] = watcher;
      List<WatchItem> initial = new ArrayList<>();
      if (fromRevision == 0) {
        for (StoredObject o : objects.subMap(keyPrefix, true, keyPrefix + Character.MAX_VALUE, false).values()) {
          if (filter.matches(o)) {
            initial.add(new WatchItem("ADDED", o, o.revision()));
          }
        }
      } else {
        for (CacheEvent e : events) {
          if (e.revision() > fromRevision && e.object().key().startsWith(keyPrefix)) {
            WatchItem item = watcher.translate(e);
            if (item != null) {
              initial.add(item);
            }
          }
        }
      }
      watcher.skipThrough(revision);
      watchers.add(watcher);
      return new Registration(watcher, initial, revision);
    }
  }

  /** A started watch: what to send first, then {@link CacheWatcher#poll}. */
  public record Registration(CacheWatcher watcher, List<WatchItem> initial, long startRevision) {}

  private void awaitLocked(long minRevision) {
    long deadline = System.nanoTime() + config.freshnessTimeout().toNanos();
    while (!closed && (!ready || revision < minRevision)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        if (!ready) {
          throw ApiException.unavailable("the cache of " + prefix + " is not ready");
        }
        throw ApiException.timeout("Too large resource version: " + minRevision + ", current: " + revision);
      }
      try {
        lock.wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiException.unavailable("interrupted");
      }
    }
    if (closed) {
      throw ApiException.unavailable("the cache of " + prefix + " is closed");
    }
  }

  private void apply(List<WatchEvent> batch) {
    List<CacheEvent> out = new ArrayList<>(batch.size());
    synchronized (lock) {
      for (WatchEvent e : batch) {
        String key = e.kv().key();
        StoredObject previous = objects.get(key);
        CacheEvent ce;
        if (e.type() == WatchEvent.Type.DELETE) {
          if (previous == null) {
            continue;
          }
          objects.remove(key);
          ce = new CacheEvent(CacheEvent.Type.DELETED, previous.deletedAt(e.revision()), previous, e.revision());
        } else {
          StoredObject now = ObjectCodec.decode(e.kv());
          objects.put(key, now);
          ce = new CacheEvent(previous == null ? CacheEvent.Type.ADDED : CacheEvent.Type.MODIFIED, now, previous,
              e.revision());
        }
        events.addLast(ce);
        out.add(ce);
        revision = Math.max(revision, e.revision());
      }
      while (events.size() > config.eventWindow()) {
        oldestResumable = events.removeFirst().revision();
      }
      lock.notifyAll();
    }
    for (CacheWatcher w : watchers) {
      for (CacheEvent ce : out) {
        w.offer(ce);
      }
    }
  }

  private void progress(long rev) {
    synchronized (lock) {
      if (rev > revision) {
        revision = rev;
        lock.notifyAll();
      }
    }
  }

  private void restart(StoreException cause) {
    log.warn("watch cache {}: the store watch ended ({}); re-listing", prefix, cause.toString());
    synchronized (lock) {
      ready = false;
    }
    for (Iterator<CacheWatcher> it = watchers.iterator(); it.hasNext(); ) {
      it.next().terminate("the cache restarted");
      it.remove();
    }
    if (closed) {
      return;
    }
    Thread restarter = new Thread(() -> {
      while (!closed) {
        try {
          start();
          return;
        } catch (RuntimeException e) {
          log.warn("watch cache {}: re-list failed: {}", prefix, e.toString());
          try {
            Thread.sleep(500);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }, "watch-cache-restart");
    restarter.setDaemon(true);
    restarter.start();
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    if (storeWatch != null) {
      storeWatch.close();
    }
    for (CacheWatcher w : watchers) {
      w.terminate("the resource is no longer served");
    }
    watchers.clear();
  }

  private final class Listener implements WatchListener {
    @Override
    public void onEvents(List<WatchEvent> batch) {
      apply(batch);
    }

    @Override
    public void onProgress(long rev) {
      progress(rev);
    }

    @Override
    public void onCancelled(StoreException cause) {
      if (!closed) {
        restart(cause);
      }
    }
  }
}
