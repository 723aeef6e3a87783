package io.disponent.store.internal.watch;

import io.disponent.store.CompactedException;
import io.disponent.store.StoreClosedException;
import io.disponent.store.Watch;
import io.disponent.store.WatchEvent;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import io.disponent.store.internal.DaemonThreads;
import io.disponent.store.internal.EventSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch fan-out of one replica: hands each applied entry's events to the watchers whose range
 * they touch, and lets watchers that start in the past catch up from the {@link EventSource}.
 *
 * <p>Every watcher gets every matching event from its start revision on, in revision order, once.
 * A watcher that starts in the past is <em>unsynced</em>: it reads the source in batches up to the
 * last published revision and joins the <em>synced</em> group under the hub lock once nothing is
 * left to read, so an entry is either read from the source or queued by {@link #publish}, never
 * both or neither. Listeners run on a few shared delivery threads, never on the publishing thread;
 * a watcher whose queue outgrows {@link WatchHubConfig#maxPendingEvents()} is cancelled with the
 * revision to resume from.
 */
public final class WatchHub implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WatchHub.class);
  /** How often the ticker looks for watchers due a progress notification. */
  static final long PROGRESS_TICK_MILLIS = 10;

  private final EventSource source;
  private final WatchHubConfig config;
  private final Clock clock;
  private final ExecutorService delivery;
  private final ScheduledExecutorService ticker;
  private final AtomicLong ids = new AtomicLong();
  /** Every watcher not yet ended, synced or not. */
  private final Map<Long, Watcher> watchers = new ConcurrentHashMap<>();
  /** The threads that call listeners, so that close() from a listener does not wait for itself. */
  private final Set<Thread> deliveryThreads = ConcurrentHashMap.newKeySet();
  /** The live watchers that asked for progress notifications. */
  private final Set<Watcher> progressWatchers = ConcurrentHashMap.newKeySet();

  /** Guards {@link #synced}, {@link #closed} and writes of {@link #lastPublished}. */
  private final Object lock = new Object();
  private final SyncedWatchers synced = new SyncedWatchers();
  /** The revision of the last publish: every event up to it was queued for the synced watchers. */
  private volatile long lastPublished;
  private boolean closed;

  public WatchHub(EventSource source, WatchHubConfig config, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastPublished = source.revision();
    ThreadFactory deliveryFactory = DaemonThreads.named("watch-delivery");
    this.delivery = Executors.newFixedThreadPool(config.deliveryThreads(), r -> {
      Thread t = deliveryFactory.newThread(r);
      deliveryThreads.add(t);
      return t;
    });
    this.ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("watch-progress"));
    ticker.scheduleWithFixedDelay(
        this::tick, PROGRESS_TICK_MILLIS, PROGRESS_TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts a watch. Start revision 0 means after the current revision; a start below the source's
   * compacted revision cancels the watch with {@link CompactedException}; a future start waits.
   * Never calls the listener on the caller's thread, except with {@link StoreClosedException} once
   * the hub is closed.
   */
  public Watch watch(WatchRequest request, WatchListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    long current = source.revision();
    long compacted = source.compactRevision();
    Watcher w = new Watcher(ids.incrementAndGet(), this, request, listener, delivery, config, nowMillis());
    synchronized (lock) {
      if (!closed) {
        long start = request.startRevision() == 0
            ? Math.max(current, lastPublished) + 1
            : request.startRevision();
        if (request.startRevision() != 0 && compacted > 0 && start < compacted) {
          w.cancel(new CompactedException(start, compacted));
          return w;
        }
        watchers.put(w.id(), w);
        if (w.wantsProgress()) {
          progressWatchers.add(w);
        }
        if (start > lastPublished) {
          w.startSynced(start);
          synced.add(w);
        } else {
          w.startCatchUp(start);
        }
        log.debug("watch {} on {} from revision {}", w.id(), request.range(), start);
        return w;
      }
    }
    w.close();
    listener.onCancelled(new StoreClosedException());
    return w;
  }

  /**
   * Called by the single apply thread after each applied Raft entry, with that entry's events
   * (revision order, prevKv filled) and the store revision after it (may be greater than the last
   * event's revision, or equal to the previous one when there are no events). Never blocks on a
   * listener: it only queues events, cancelling watchers whose queue would overflow.
   */
  public void publish(List<WatchEvent> events, long revision) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (!events.isEmpty() && synced.size() > 0) {
        queue(events);
      }
      long last = events.isEmpty() ? revision : Math.max(revision, events.get(events.size() - 1).revision());
      if (last > lastPublished) {
        lastPublished = last; // after queueing: see Watcher.maybeProgress
      }
    }
  }

  private void queue(List<WatchEvent> events) {
    List<Watcher> touched = new ArrayList<>();
    List<Watcher> matches = new ArrayList<>();
    for (WatchEvent event : events) {
      matches.clear();
      synced.collect(event.kv().key(), matches);
      WatchEvent stripped = null;
      for (Watcher w : matches) {
        WatchEvent out = event;
        if (!w.wantsPrevKv() && event.prevKv() != null) {
          if (stripped == null) {
            stripped = event.withoutPrevKv(); // one copy shared by every such watcher
          }
          out = stripped;
        }
        if (w.stage(out)) {
          touched.add(w);
        }
      }
    }
    for (Watcher w : touched) {
      w.offerStaged();
    }
  }

  /**
   * Ends every watch with a {@link io.disponent.store.WatchCancelledException} carrying each
   * watcher's next revision, and takes the source's current revision as the last published one.
   * Used when the state was replaced by a snapshot install.
   */
  public void cancelAll(String reason) {
    synchronized (lock) {
      long published = lastPublished;
      for (Watcher w : List.copyOf(watchers.values())) {
        w.cancelResumable(reason, published);
      }
      lastPublished = source.revision();
    }
    log.info("cancelled every watch: {}", reason);
  }

  public int watcherCount() {
    return watchers.size();
  }

  /**
   * Cancels every watch with {@link StoreClosedException} and stops the hub's threads, waiting up
   * to 5 s for listeners to take their cancellation (not when called from a listener).
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ticker.shutdownNow();
    for (Watcher w : List.copyOf(watchers.values())) {
      w.cancel(new StoreClosedException());
    }
    delivery.shutdown();
    if (deliveryThreads.contains(Thread.currentThread())) {
      return; // closed by a listener: the other cancellations are delivered after it returns
    }
    try {
      if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("watch listeners still busy 5 s after close; interrupting them");
        delivery.shutdownNow();
      }
    } catch (InterruptedException e) {
      delivery.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // ---- for watchers ----

  long lastPublished() {
    return lastPublished;
  }

  EventSource source() {
    return source;
  }

  long nowMillis() {
    return clock.millis();
  }

  /** Moves a caught-up watcher to the synced group if it has read every published revision. */
  boolean trySync(Watcher w, long next) {
    synchronized (lock) {
      if (next <= lastPublished) {
        log.trace("watch {}: revision {} published while catching up; reading on", w.id(), lastPublished);
        return false;
      }
      if (!w.markSynced(next)) {
        return false;
      }
      synced.add(w);
      log.debug("watch {} caught up; live from revision {}", w.id(), next);
      return true;
    }
  }

  /** Forgets an ended watcher. */
  void unregister(Watcher w) {
    synchronized (lock) {
      synced.remove(w);
    }
    watchers.remove(w.id());
    progressWatchers.remove(w);
  }

  private void tick() {
    try {
      long now = nowMillis();
      for (Watcher w : progressWatchers) {
        w.maybeProgress(now);
      }
    } catch (RuntimeException e) {
      log.warn("progress tick failed", e);
    }
  }
}
