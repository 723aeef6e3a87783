package io.disponent.client;

import java.time.Duration;
import java.util.Optional;

/** Which failures are worth another attempt, and how long to wait before it. Pure. */
final class Retries {

  /** The reason of the UnavailableException thrown when the calling thread is interrupted. */
  static final String INTERRUPTED = "Interrupted";
  /** The reason of the UnavailableException thrown while a member's circuit breaker is open. */
  static final String CIRCUIT_OPEN = "CircuitOpen";

  private Retries() {}

  /** Connect errors and timeouts (no answer), 429, and 5xx except 501: an idempotent call to one member. */
  static boolean retriable(Throwable t) {
    return Failover.retries(Failure.of(t), true, 1);
  }

  /** Whether a failure says something about the server's health (counts against the breaker). */
  static boolean serverFault(Throwable t) {
    if (t instanceof UnavailableException) {
      // a caller that was interrupted (its pool shut down) learnt nothing about the server
      return !INTERRUPTED.equals(((UnavailableException) t).status().reason());
    }
    if (t instanceof StatusException) {
      int code = ((StatusException) t).code();
      return code >= 500 && code != 501;
    }
    return false;
  }

  /** Exponential: {@code initial * 2^(attempt-1)}, capped at {@code max}; attempt counts from 1. */
  static Duration backoff(int attempt, Duration initial, Duration max) {
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long nanos = initial.toNanos();
    if (nanos > max.toNanos() >> shift) {
      return max;
    }
    return Duration.ofNanos(nanos << shift);
  }

  /** A Retry-After header in seconds (the form the apiserver sends), capped at {@code max}. */
  static Optional<Duration> retryAfter(String header, Duration max) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(header.trim());
      if (seconds < 0) {
        return Optional.empty();
      }
      Duration d = Duration.ofSeconds(seconds);
      return Optional.of(d.compareTo(max) > 0 ? max : d);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
