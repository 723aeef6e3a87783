package io.disponent.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * N workers, each sending its next request when its previous one completes. Requests completing
 * during the warm-up are not counted; those completing in the measured window are.
 */
final class ClosedLoop {
  private static final long REQUEST_TIMEOUT_SECONDS = 10;
  private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<Throwable> firstError = new AtomicReference<>();
  private final Executor hop = ForkJoinPool.commonPool();
  private long measureFrom;
  private long measureUntil;

  /** Counts of one run; latencies in microseconds. */
  record Outcome(Histogram latencies, long failures, double seconds, Throwable firstError) {}

  Outcome run(Workers workload, int inflight, Duration warmup, Duration measure) {
    long start = System.nanoTime();
    measureFrom = start + warmup.toNanos();
    measureUntil = measureFrom + measure.toNanos();
    CompletableFuture<?>[] done = new CompletableFuture<?>[inflight];
    for (int w = 0; w < inflight; w++) {
      CompletableFuture<Void> finished = new CompletableFuture<>();
      done[w] = finished;
      Request request = workload.worker(w, inflight);
      hop.execute(() -> next(request, finished));
    }
    try {
      CompletableFuture.allOf(done)
          .get(warmup.toSeconds() + measure.toSeconds() + REQUEST_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("workers did not finish", e);
    }
    Histogram latencies = recorder.getIntervalHistogram();
    return new Outcome(latencies, failures.get(), measure.toNanos() / 1e9, firstError.get());
  }

  private void next(Request request, CompletableFuture<Void> finished) {
    long sent = System.nanoTime();
    if (sent >= measureUntil) {
      finished.complete(null);
      return;
    }
    CompletableFuture<Boolean> response;
    try {
      response = request.issue().orTimeout(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    // A response already there would recurse on this stack; hop instead.
    boolean sync = response.isDone();
    response.whenComplete((ok, error) -> {
      long received = System.nanoTime();
      if (received >= measureFrom && received < measureUntil) {
        if (error == null && Boolean.TRUE.equals(ok)) {
          recorder.recordValue(Math.min(HIGHEST_MICROS, (received - sent) / 1000));
        } else {
          failures.incrementAndGet();
        }
      }
      if (error != null) {
        firstError.compareAndSet(null, error);
      }
      if (error != null) {
        // Back off a little so a cluster that refuses at once is not spun against.
        CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS, hop).execute(() -> next(request, finished));
      } else if (sync) {
        hop.execute(() -> next(request, finished));
      } else {
        next(request, finished);
      }
    });
  }
}
