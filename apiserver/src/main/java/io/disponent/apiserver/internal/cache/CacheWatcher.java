package io.disponent.apiserver.internal.cache;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client watch fed by a {@link WatchCache}. The cache offers items without blocking; a
 * watcher whose queue is full is terminated (its client re-lists, as with Kubernetes), so a slow
 * client never slows the cache or the other watchers.
 *
 * <p>The cache thread calls {@link #offer}; the request thread calls {@link #poll}.
 */
public final class CacheWatcher implements AutoCloseable {

  private final WatchFilter filter;
  private final BlockingQueue<WatchItem> queue;
  private final Runnable onClose;
  private volatile boolean terminated;
  private volatile String terminationReason;
  private volatile long skipThrough;

  CacheWatcher(WatchFilter filter, int capacity, Runnable onClose) {
    this.filter = filter;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.onClose = onClose;
  }

  /** What this watcher makes of a cache event: an item, or null when it does not concern it. */
  WatchItem translate(CacheEvent e) {
    boolean now = e.type() != CacheEvent.Type.DELETED && filter.matches(e.object());
    boolean before = e.previous() != null && filter.matches(e.previous());
    switch (e.type()) {
      case ADDED:
        return now ? new WatchItem("ADDED", e.object(), e.revision()) : null;
      case DELETED:
        return before ? new WatchItem("DELETED", e.object(), e.revision()) : null;
      default:
        if (now && before) {
          return new WatchItem("MODIFIED", e.object(), e.revision());
        }
        if (now) {
          return new WatchItem("ADDED", e.object(), e.revision());
        }
        return before ? new WatchItem("DELETED", e.object(), e.revision()) : null;
    }
  }

  /** Events up to this revision were part of the catch-up; live delivery skips them. */
  void skipThrough(long revision) {
    skipThrough = revision;
  }

  void offer(CacheEvent e) {
    if (e.revision() <= skipThrough) {
      return;
    }
    WatchItem item = translate(e);
    if (item != null && !terminated && !queue.offer(item)) {
      terminate("the watcher fell too far behind");
    }
  }

  void terminate(String reason) {
    terminationReason = reason;
    terminated = true;
  }

  /** The next item, or null after {@code timeoutMillis}; null too once terminated and drained. */
  public WatchItem poll(long timeoutMillis) throws InterruptedException {
    WatchItem item = queue.poll();
    if (item != null || terminated) {
      return item;
    }
    return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  public boolean terminated() {
    return terminated && queue.isEmpty();
  }

  public String terminationReason() {
    return terminationReason;
  }

  @Override
  public void close() {
    terminated = true;
    onClose.run();
  }
}
