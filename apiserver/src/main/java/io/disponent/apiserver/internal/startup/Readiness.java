package io.disponent.apiserver.internal.startup;

import io.disponent.apiserver.internal.errors.RetryAfter;
import java.time.Duration;

/** What {@code /readyz} says: ready, or why not and when to ask again. */
public sealed interface Readiness {

  record Ready() implements Readiness {}

  record NotReady(String reason, int retryAfterSeconds) implements Readiness {}

  Ready READY = new Ready();

  /**
   * The decision, first row that matches:
   *
   * <pre>
   * phase            store has a leader   answer
   * STOPPING         any                  not ready: "server is shutting down"
   * SERVING          yes                  ready
   * SERVING          no                   not ready: "store has no leader"
   * LOADING_CACHES,  no                   not ready: "store has no leader yet"
   *  BOOTSTRAPPING
   * LOADING_CACHES   yes                  not ready: "watch caches loading"
   * BOOTSTRAPPING    yes                  not ready: "creating the default namespaces and CRDs"
   * </pre>
   *
   * While starting, the last failed attempt is appended ({@code "...; last attempt: <failure>"}), and the
   * Retry-After grows with {@code notReadyFor} ({@link RetryAfter}).
   */
  static Readiness plan(StartPhase phase, boolean storeHasLeader, String lastFailure, Duration notReadyFor) {
    int retryAfter = RetryAfter.seconds(notReadyFor);
    return switch (phase) {
      case STOPPING -> new NotReady("server is shutting down", RetryAfter.MIN_SECONDS);
      case SERVING -> storeHasLeader ? READY : new NotReady("store has no leader", RetryAfter.MIN_SECONDS);
      case LOADING_CACHES, BOOTSTRAPPING -> {
        String reason = !storeHasLeader ? "store has no leader yet"
            : phase == StartPhase.LOADING_CACHES ? "watch caches loading"
            : "creating the default namespaces and CRDs";
        yield new NotReady(lastFailure == null ? reason : reason + "; last attempt: " + lastFailure, retryAfter);
      }
    };
  }
}
