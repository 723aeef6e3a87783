package io.disponent.apiserver.internal.startup;

import io.disponent.apiserver.internal.errors.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * One server's way to serving, as {@code /readyz} and the request gate see it. Thread-safe: the thread
 * that warms the server up writes the phase and the last failure; request threads read them.
 */
public final class Startup {

  private final BooleanSupplier storeHasLeader;
  private final Clock clock;
  private final Instant began;
  private final CompletableFuture<Void> serving = new CompletableFuture<>();
  private volatile StartPhase phase = StartPhase.LOADING_CACHES;
  private volatile String lastFailure;

  public Startup(BooleanSupplier storeHasLeader, Clock clock) {
    this.storeHasLeader = storeHasLeader;
    this.clock = clock;
    this.began = clock.instant();
  }

  public StartPhase phase() {
    return phase;
  }

  public boolean storeHasLeader() {
    return storeHasLeader.getAsBoolean();
  }

  /** Moves on to {@code next}; a phase already passed is ignored (a retried warm-up walks them again). */
  public void enter(StartPhase next) {
    synchronized (this) {
      if (next.compareTo(phase) <= 0) {
        return;
      }
      phase = next;
      lastFailure = null;
    }
    // Outside the lock: completing runs whatever waits for it (the controllers' start).
    if (next == StartPhase.SERVING) {
      serving.complete(null);
    } else if (next == StartPhase.STOPPING) {
      serving.cancel(false);
    }
  }

  /** Records why the last attempt to move on failed; {@code /readyz} shows it. */
  public void failed(Throwable cause) {
    lastFailure = cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  public Readiness readiness() {
    return Readiness.plan(phase, storeHasLeader.getAsBoolean(), lastFailure, Duration.between(began, clock.instant()));
  }

  /** Null while requests are served; otherwise the 503 (with Retry-After) that refuses them. */
  public ApiException refusal() {
    if (phase == StartPhase.SERVING) {
      return null;
    }
    Readiness.NotReady why = (Readiness.NotReady) readiness();
    return ApiException.unavailable("the server is not ready: " + why.reason(), why.retryAfterSeconds());
  }

  /** Completes when the server serves; cancelled if it stops first. */
  public CompletableFuture<Void> serving() {
    return serving;
  }
}
