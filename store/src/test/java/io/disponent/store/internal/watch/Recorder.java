package io.disponent.store.internal.watch;

import io.disponent.store.StoreException;
import io.disponent.store.WatchEvent;
import io.disponent.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A listener that records what it gets and notes contract breaches: overlapping calls, calls after
 * cancellation, batches that split a revision or go back in revision order.
 */
class Recorder implements WatchListener {
  /** Guards the lists. */
  private final Object lock = new Object();
  private final List<WatchEvent> events = new ArrayList<>();
  private final List<Long> progress = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final AtomicBoolean inCall = new AtomicBoolean();
  final AtomicReference<StoreException> cancelled = new AtomicReference<>();

  @Override
  public void onEvents(List<WatchEvent> batch) {
    enter("onEvents");
    try {
      synchronized (lock) {
        if (batch.isEmpty()) {
          violations.add("empty batch");
        }
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).revision();
        if (!batch.isEmpty() && batch.get(0).revision() <= last) {
          violations.add("batch starts at " + batch.get(0).revision() + " after " + last);
        }
        for (int i = 1; i < batch.size(); i++) {
          if (batch.get(i).revision() < batch.get(i - 1).revision()) {
            violations.add("out of order in batch");
          }
        }
        events.addAll(batch);
      }
      handle(batch);
    } finally {
      inCall.set(false);
    }
  }

  /** What the test's listener does besides recording. */
  void handle(List<WatchEvent> batch) {}

  @Override
  public void onProgress(long revision) {
    enter("onProgress");
    synchronized (lock) {
      progress.add(revision);
    }
    inCall.set(false);
  }

  @Override
  public void onCancelled(StoreException cause) {
    enter("onCancelled");
    if (!cancelled.compareAndSet(null, cause)) {
      violations.add("cancelled twice");
    }
    inCall.set(false);
  }

  private void enter(String what) {
    if (!inCall.compareAndSet(false, true)) {
      synchronized (lock) {
        violations.add("overlapping " + what);
      }
    }
    if (cancelled.get() != null) {
      synchronized (lock) {
        violations.add(what + " after cancellation");
      }
    }
  }

  List<WatchEvent> events() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  List<Long> revisions() {
    return events().stream().map(WatchEvent::revision).toList();
  }

  List<Long> progress() {
    synchronized (lock) {
      return List.copyOf(progress);
    }
  }

  List<String> violations() {
    synchronized (lock) {
      return List.copyOf(violations);
    }
  }
}
