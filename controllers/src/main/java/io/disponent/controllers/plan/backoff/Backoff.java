package io.disponent.controllers.plan.backoff;

import java.time.Duration;
import java.time.Instant;

/**
 * Marathon's launch backoff: after the n-th failure in a row the next launch waits
 * {@code backoffSeconds * backoffFactor^(n-1)}, at most {@code maxLaunchDelaySeconds}. Null parameters take
 * the CRD defaults (1 s, 1.15, 300 s).
 *
 * <p>Reset rule: a run that lasted at least {@link #resetAfter} (the max launch delay, but at least
 * {@link #MIN_RESET}) ends the streak, so a failure after it counts as the first again. Run time stands in
 * for "ran healthy for a while": a task killed for health does not fail, it is replaced without backoff.
 */
public final class Backoff {
  public static final int DEFAULT_BACKOFF_SECONDS = 1;
  public static final double DEFAULT_FACTOR = 1.15;
  public static final int DEFAULT_MAX_LAUNCH_DELAY_SECONDS = 300;
  /** The shortest run that resets the streak, whatever the max launch delay. */
  public static final Duration MIN_RESET = Duration.ofSeconds(60);

  private Backoff() {}

  /** The delay before the next launch after {@code consecutiveFailures} failures; zero for none. */
  public static Duration delay(int consecutiveFailures, Integer backoffSeconds, Double backoffFactor,
      Integer maxLaunchDelaySeconds) {
    if (consecutiveFailures <= 0) {
      return Duration.ZERO;
    }
    double base = backoffSeconds == null ? DEFAULT_BACKOFF_SECONDS : backoffSeconds;
    double factor = backoffFactor == null ? DEFAULT_FACTOR : backoffFactor;
    double max = maxLaunchDelaySeconds == null ? DEFAULT_MAX_LAUNCH_DELAY_SECONDS : maxLaunchDelaySeconds;
    double seconds = Math.min(max, base * Math.pow(factor, consecutiveFailures - 1.0)); // pow may be Infinity
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** When a replacement may launch: {@code lastFailure} plus the {@link #delay}. */
  public static Instant nextLaunch(Instant lastFailure, int consecutiveFailures, Integer backoffSeconds,
      Double backoffFactor, Integer maxLaunchDelaySeconds) {
    return lastFailure.plus(delay(consecutiveFailures, backoffSeconds, backoffFactor, maxLaunchDelaySeconds));
  }

  /** The run length that resets the streak for a Service's {@code maxLaunchDelaySeconds}. */
  public static Duration resetAfter(Integer maxLaunchDelaySeconds) {
    Duration max = Duration.ofSeconds(maxLaunchDelaySeconds == null ? DEFAULT_MAX_LAUNCH_DELAY_SECONDS
        : maxLaunchDelaySeconds);
    return max.compareTo(MIN_RESET) < 0 ? MIN_RESET : max;
  }

  /**
   * The failures in a row after a run from {@code startedAt} to {@code finishedAt} failed, given the
   * {@code previous} count its launch carried: 1 if the run lasted {@code resetAfter} or more, else
   * previous + 1. A run that never started (null times) continues the streak.
   */
  public static int failuresAfter(int previous, Instant startedAt, Instant finishedAt, Duration resetAfter) {
    if (startedAt != null && finishedAt != null && !Duration.between(startedAt, finishedAt).minus(resetAfter).isNegative()) {
      return 1;
    }
    return previous + 1;
  }
}
