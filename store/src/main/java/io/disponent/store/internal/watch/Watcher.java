// Over 400 lines on purpose: one state machine whose fields all live under one lock, and whose
// invariants (terminal, finished, synced, scheduled) are kept by every method together.
package io.disponent.store.internal.watch;

import io.disponent.store.CompactedException;
import io.disponent.store.KeyRange;
import io.disponent.store.StoreException;
import io.disponent.store.Watch;
import io.disponent.store.WatchCancelledException;
import io.disponent.store.WatchEvent;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch of a {@link WatchHub}: its pending events and its serial delivery.
 *
 * <p>A watcher is <em>unsynced</em> while it catches up by reading the event source, and
 * <em>synced</em> once it has read every revision the hub published; only then does the hub queue
 * live events for it. Every listener call runs as a task of the hub's shared executor, at most one
 * task per watcher at a time (the {@code scheduled} flag), so calls for one watcher never overlap
 * and keep their order. A task does one unit of work (a catch-up read, one delivery, a progress
 * notification or the cancellation) and then, if more is left, resubmits itself behind the other
 * watchers' tasks.
 */
final class Watcher implements Watch, Runnable {
  private static final Logger log = LoggerFactory.getLogger(Watcher.class);

  private final long id;
  private final WatchHub hub;
  private final KeyRange range;
  private final boolean prevKv;
  private final long progressIntervalMillis;
  private final WatchListener listener;
  private final Executor executor;
  private final int batchSize;
  private final int maxPending;

  /** Guarded by the hub lock (touched by publish only): this publish's matching events. */
  private final List<WatchEvent> staged = new ArrayList<>();
  /** Guarded by the hub lock: live events below this revision are not for this watcher. */
  private long liveFrom;

  /** Guards every field below. Never held while calling the listener or taking the hub lock. */
  private final Object lock = new Object();

  private final ArrayDeque<WatchEvent> pending = new ArrayDeque<>();
  /** Unsynced: the next revision catch-up reads. Synced: the first revision it wants at all. */
  private long nextRevision;
  private boolean synced;
  /** A task of this watcher is queued or running. */
  private boolean scheduled;
  /** The cancellation still to deliver. */
  private StoreException terminal;
  /** Nothing more will be delivered: closed, or the cancellation was handed to the listener. */
  private boolean finished;
  /** A progress notification to deliver after the pending events; -1 for none. */
  private long pendingProgress = -1;
  /** The highest revision delivered (or being delivered); 0 before any. */
  private long lastDelivered;
  /** When events or a progress notification were last delivered, by the hub's clock. */
  private long lastActivityMillis;

  Watcher(long id, WatchHub hub, WatchRequest request, WatchListener listener, Executor executor,
      WatchHubConfig config, long nowMillis) {
    this.id = id;
    this.hub = hub;
    this.range = request.range();
    this.prevKv = request.prevKv();
    this.progressIntervalMillis =
        request.progressInterval() == null ? 0 : Math.max(1, request.progressInterval().toMillis());
    this.listener = listener;
    this.executor = executor;
    this.batchSize = config.catchUpBatch();
    this.maxPending = config.maxPendingEvents();
    this.lastActivityMillis = nowMillis;
  }

  @Override
  public long id() {
    return id;
  }

  KeyRange range() {
    return range;
  }

  boolean wantsProgress() {
    return progressIntervalMillis > 0;
  }

  /** Starts with live events only, skipping those below {@code startRevision}. Under the hub lock. */
  void startSynced(long startRevision) {
    synchronized (lock) {
      nextRevision = startRevision;
      synced = true;
    }
    liveFrom = startRevision;
  }

  /** Starts by reading the event source from {@code startRevision}. */
  void startCatchUp(long startRevision) {
    synchronized (lock) {
      nextRevision = startRevision;
      synced = false;
    }
    signal();
  }

  /**
   * Moves a caught-up watcher to the synced group's state. Called under the hub lock when catch-up
   * has read every published revision; false if the watcher ended meanwhile.
   */
  boolean markSynced(long next) {
    synchronized (lock) {
      if (finished || terminal != null) {
        return false;
      }
      nextRevision = next;
      synced = true;
    }
    liveFrom = next;
    return true;
  }

  // ---- publishing side (hub lock held, publishing thread) ----

  boolean wantsPrevKv() {
    return prevKv;
  }

  /**
   * Takes one event of the current publish (already without prevKv if this watcher did not ask for
   * it); true if it is this watcher's first of the publish. Events below its start are skipped.
   */
  boolean stage(WatchEvent event) {
    if (event.revision() < liveFrom) {
      return false;
    }
    staged.add(event);
    return staged.size() == 1;
  }

  /**
   * Queues this publish's staged events, or cancels the watcher if its queue already holds events
   * and would exceed the limit. A publish into an empty queue is always taken, so a revision
   * larger than the limit cannot wedge a watcher. Returns false if the watcher was cancelled.
   */
  boolean offerStaged() {
    boolean overflow = false;
    boolean accepted = false;
    synchronized (lock) {
      if (!finished && terminal == null) {
        if (!pending.isEmpty() && pending.size() + staged.size() > maxPending) {
          long resume = pending.peekFirst().revision();
          terminal = new WatchCancelledException(
              "watcher fell behind by more than " + maxPending + " events", resume);
          pending.clear();
          pendingProgress = -1;
          overflow = true;
        } else {
          pending.addAll(staged);
          accepted = true;
        }
      }
    }
    staged.clear();
    if (overflow) {
      log.warn("watch {} on {} fell behind by more than {} events; cancelled", id, range, maxPending);
      hub.unregister(this);
    }
    if (overflow || accepted) {
      signal();
    }
    return !overflow;
  }

  // ---- progress (ticker thread) ----

  /** Queues a progress notification if this watcher is synced and idle for its interval. */
  void maybeProgress(long nowMillis) {
    synchronized (lock) {
      if (finished || terminal != null || !synced || !pending.isEmpty() || pendingProgress >= 0
          || nowMillis - lastActivityMillis < progressIntervalMillis) {
        return;
      }
      // Read after seeing "synced": every event up to this revision is queued or delivered.
      pendingProgress = hub.lastPublished();
      lastActivityMillis = nowMillis;
    }
    signal();
  }

  // ---- ending ----

  /** Ends the watch with {@code cause}, delivered after any call in progress. Idempotent. */
  void cancel(StoreException cause) {
    synchronized (lock) {
      if (!setTerminalLocked(cause)) {
        return;
      }
    }
    hub.unregister(this);
    signal();
  }

  /**
   * Ends the watch with a {@link WatchCancelledException} that resumes right after what was
   * delivered. Called under the hub lock, so {@code lastPublished} is stable.
   */
  void cancelResumable(String reason, long lastPublished) {
    synchronized (lock) {
      if (!setTerminalLocked(new WatchCancelledException(reason, resumeRevisionLocked(lastPublished)))) {
        return;
      }
    }
    hub.unregister(this);
    signal();
  }

  private boolean setTerminalLocked(StoreException cause) {
    if (finished || terminal != null) {
      return false;
    }
    terminal = cause;
    pending.clear();
    pendingProgress = -1;
    return true;
  }

  /**
   * The first revision not yet handed to the listener (a delivery in progress counts as handed),
   * given that everything up to {@code publishedUpTo} was queued or delivered if synced.
   */
  private long resumeRevisionLocked(long publishedUpTo) {
    if (!pending.isEmpty()) {
      return pending.peekFirst().revision();
    }
    return synced ? Math.max(nextRevision, publishedUpTo + 1) : nextRevision;
  }

  /** Stops delivery; a call already under way may finish. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (finished) {
        return;
      }
      finished = true;
      terminal = null;
      pending.clear();
      pendingProgress = -1;
    }
    hub.unregister(this);
  }

  // ---- serial delivery ----

  private void signal() {
    synchronized (lock) {
      if (scheduled || !hasWorkLocked()) {
        return;
      }
      scheduled = true;
    }
    try {
      executor.execute(this);
    } catch (RejectedExecutionException e) {
      log.debug("watch {}: delivery executor stopped", id);
      synchronized (lock) {
        scheduled = false;
      }
    }
  }

  private boolean hasWorkLocked() {
    return !finished && (terminal != null || !synced || !pending.isEmpty() || pendingProgress >= 0);
  }

  @Override
  public void run() {
    while (true) {
      Unit unit;
      synchronized (lock) {
        unit = takeUnitLocked();
        if (unit == null) {
          scheduled = false;
          return;
        }
      }
      perform(unit);
      synchronized (lock) {
        if (!hasWorkLocked()) {
          scheduled = false;
          return;
        }
      }
      try {
        executor.execute(this);
        return;
      } catch (RejectedExecutionException e) {
        // The hub is closing: finish this watcher's remaining work (its cancellation) here.
      }
    }
  }

  private sealed interface Unit permits CatchUp, Deliver, Progress, Cancelled {}

  private record CatchUp() implements Unit {}

  private record Deliver(List<WatchEvent> events) implements Unit {}

  private record Progress(long revision) implements Unit {}

  private record Cancelled(StoreException cause) implements Unit {}

  private static final CatchUp CATCH_UP = new CatchUp();

  private Unit takeUnitLocked() {
    if (finished) {
      return null;
    }
    if (terminal != null) {
      finished = true;
      return new Cancelled(terminal);
    }
    if (!synced) {
      return CATCH_UP;
    }
    if (!pending.isEmpty()) {
      List<WatchEvent> batch = new ArrayList<>(Math.min(pending.size(), batchSize));
      while (!pending.isEmpty()
          && (batch.size() < batchSize
              || pending.peekFirst().revision() == batch.get(batch.size() - 1).revision())) {
        batch.add(pending.pollFirst());
      }
      lastDelivered = batch.get(batch.size() - 1).revision();
      return new Deliver(batch);
    }
    if (pendingProgress >= 0) {
      long revision = Math.max(pendingProgress, lastDelivered);
      pendingProgress = -1;
      return new Progress(revision);
    }
    return null;
  }

  private void perform(Unit unit) {
    if (unit instanceof Cancelled c) {
      try {
        listener.onCancelled(c.cause());
      } catch (RuntimeException | Error e) {
        rethrowIfFatal(e);
        log.warn("watch {}: listener failed on cancellation", id, e);
      }
    } else if (unit instanceof Deliver d) {
      deliver(d.events());
    } else if (unit instanceof Progress p) {
      progress(p.revision());
    } else {
      catchUpStep();
    }
  }

  /**
   * A listener's exception or error (an AssertionError, say) cancels its watch; only a failing JVM
   * goes on up.
   */
  private static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError e) {
      throw e;
    }
  }

  private void deliver(List<WatchEvent> events) {
    synchronized (lock) {
      if (finished) {
        return; // closed since the batch was taken
      }
    }
    try {
      listener.onEvents(events);
    } catch (RuntimeException | Error e) {
      rethrowIfFatal(e);
      log.warn("watch {}: listener failed on events; cancelling the watch", id, e);
      cancel(new WatchCancelledException("listener failed: " + e, events.get(0).revision()));
      return;
    }
    synchronized (lock) {
      lastActivityMillis = hub.nowMillis();
    }
  }

  private void progress(long revision) {
    synchronized (lock) {
      if (finished) {
        return; // closed since the notification was taken
      }
    }
    try {
      listener.onProgress(revision);
    } catch (RuntimeException | Error e) {
      rethrowIfFatal(e);
      log.warn("watch {}: listener failed on progress; cancelling the watch", id, e);
      synchronized (lock) {
        if (!setTerminalLocked(
            new WatchCancelledException("listener failed: " + e, resumeRevisionLocked(revision)))) {
          return;
        }
      }
      hub.unregister(this);
      signal();
    }
  }

  /**
   * Reads one batch from the event source and delivers its matches, or joins the synced group when
   * every published revision has been read.
   */
  private void catchUpStep() {
    long next;
    synchronized (lock) {
      next = nextRevision;
    }
    long target = hub.lastPublished();
    if (next > target) {
      hub.trySync(this, next); // if publishing moved on meanwhile, the next step reads further
      return;
    }
    List<WatchEvent> read;
    try {
      read = hub.source().events(next, target, batchSize);
    } catch (CompactedException e) {
      cancel(e);
      return;
    } catch (RuntimeException e) {
      log.warn("watch {}: reading past events from {} failed; cancelling the watch", id, next, e);
      cancel(new WatchCancelledException("reading past events failed: " + e.getMessage(), next));
      return;
    }
    long after = read.size() < batchSize ? target + 1 : read.get(read.size() - 1).revision() + 1;
    List<WatchEvent> matched = new ArrayList<>();
    for (WatchEvent e : read) {
      if (e.revision() >= next && e.revision() <= target && range.contains(e.kv().key())) {
        matched.add(prevKv ? e : e.withoutPrevKv());
      }
    }
    synchronized (lock) {
      if (finished || terminal != null) {
        return;
      }
      nextRevision = Math.max(after, next + 1);
      if (!matched.isEmpty()) {
        lastDelivered = matched.get(matched.size() - 1).revision();
      }
    }
    if (!matched.isEmpty()) {
      deliver(matched);
    }
  }

  @Override
  public String toString() {
    return "Watcher[" + id + " " + range + "]";
  }
}
