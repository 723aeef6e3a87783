package io.disponent.apiserver.internal.hooks;

import io.disponent.apiserver.internal.cache.WatchCache;
import io.disponent.apiserver.internal.cache.WatchFilter;
import io.disponent.apiserver.internal.cache.WatchItem;
import io.disponent.apiserver.internal.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry equal to the stored CRDs, whichever server wrote them: a watch on the CRD
 * resource's cache, from its current state on.
 */
public final class CrdSync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CrdSync.class);

  private final Registry registry;
  private final WatchCache cache;
  private final Thread thread;
  private volatile boolean closed;
  /** The watch being followed; null when it ended and the loop must open another. */
  private volatile WatchCache.Registration registration;

  public CrdSync(Registry registry, WatchCache cache) {
    this.registry = registry;
    this.cache = cache;
    this.thread = new Thread(this::run, "crd-sync");
    thread.setDaemon(true);
  }

  /** Registers every stored CRD now, then follows changes in the background. */
  public CrdSync start() {
    WatchCache.Registration reg = cache.watch(cache.prefix(), WatchFilter.everything(null), 0, 0);
    for (WatchItem item : reg.initial()) {
      registry.put(item.object().object());
    }
    // Set before the thread starts: seeing null, it would open a second watch and leak the first.
    registration = reg;
    thread.start();
    return this;
  }

  private void run() {
    long resumeFrom = 0;
    while (!closed) {
      try {
        WatchCache.Registration reg = registration;
        if (reg == null) {
          reg = cache.watch(cache.prefix(), WatchFilter.everything(null), resumeFrom, 0);
          if (reg == null) {
            reg = cache.watch(cache.prefix(), WatchFilter.everything(null), 0, 0);
          }
          for (WatchItem item : reg.initial()) {
            apply(item);
          }
          registration = reg;
        }
        WatchItem item = reg.watcher().poll(1000);
        if (item != null) {
          apply(item);
          resumeFrom = item.revision();
        } else if (reg.watcher().terminated()) {
          reg.watcher().close();
          registration = null;
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("crd sync: {}", e.toString());
        registration = null;
      }
    }
  }

  private void apply(WatchItem item) {
    if (item.isBookmark()) {
      return;
    }
    if (item.type().equals("DELETED")) {
      registry.remove(item.object().name());
    } else {
      registry.put(item.object().object());
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    WatchCache.Registration reg = registration;
    if (reg != null) {
      reg.watcher().close();
    }
  }
}
