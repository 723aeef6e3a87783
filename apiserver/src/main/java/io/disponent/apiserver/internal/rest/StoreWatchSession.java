package io.disponent.apiserver.internal.rest;

import io.disponent.apiserver.internal.cache.WatchFilter;
import io.disponent.apiserver.internal.cache.WatchItem;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.storage.ObjectCodec;
import io.disponent.apiserver.internal.storage.StoreCalls;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.store.KeyRange;
import io.disponent.store.Store;
import io.disponent.store.StoreException;
import io.disponent.store.Watch;
import io.disponent.store.WatchEvent;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A watch from a resourceVersion older than the cache's window, served by its own store watch:
 * the store replays its history from there (or fails with 410 if it was compacted).
 */
final class StoreWatchSession implements WatchSession, WatchListener {

  private final WatchFilter filter;
  private final BlockingQueue<WatchItem> queue = new ArrayBlockingQueue<>(10_000);
  private final Watch watch;
  private volatile boolean ended;
  private volatile ApiException error;
  private volatile long revision;

  StoreWatchSession(Store store, String prefix, WatchFilter filter, long fromRevision) {
    this.filter = filter;
    this.revision = fromRevision;
    this.watch = store.watch(
        WatchRequest.of(KeyRange.prefix(prefix), fromRevision + 1).withPrevKv().withProgress(Duration.ofSeconds(1)),
        this);
  }

  @Override
  public void onEvents(List<WatchEvent> events) {
    for (WatchEvent e : events) {
      StoredObject previous = e.prevKv() == null ? null : ObjectCodec.decode(e.prevKv());
      WatchItem item;
      if (e.type() == WatchEvent.Type.DELETE) {
        item = previous != null && filter.matches(previous)
            ? new WatchItem("DELETED", previous.deletedAt(e.revision()), e.revision()) : null;
      } else {
        StoredObject now = ObjectCodec.decode(e.kv());
        boolean matches = filter.matches(now);
        boolean before = previous != null && filter.matches(previous);
        item = matches ? new WatchItem(before ? "MODIFIED" : "ADDED", now, e.revision())
            : before ? new WatchItem("DELETED", now, e.revision()) : null;
      }
      if (item != null && !queue.offer(item)) {
        ended = true;
        watch.close();
        return;
      }
      revision = e.revision();
    }
  }

  @Override
  public void onProgress(long rev) {
    if (queue.isEmpty()) {
      revision = Math.max(revision, rev);
    }
  }

  @Override
  public void onCancelled(StoreException cause) {
    RuntimeException translated = StoreCalls.translate(cause);
    if (translated instanceof ApiException api && api.code() == 410) {
      error = api;
    }
    ended = true;
  }

  @Override
  public List<WatchItem> initial() {
    return List.of();
  }

  @Override
  public WatchItem poll(long timeoutMillis) throws InterruptedException {
    WatchItem item = queue.poll();
    if (item != null || ended) {
      return item;
    }
    return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean ended() {
    return ended && queue.isEmpty();
  }

  @Override
  public ApiException error() {
    return error;
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public void close() {
    ended = true;
    watch.close();
  }
}
