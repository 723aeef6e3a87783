package io.disponent.controllers.plan.health;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on a Task's health checks, written to {@code status.health}. Rules (Marathon's):
 * <ul>
 *   <li>No result yet: Unknown.
 *   <li>The last check passed: Healthy.
 *   <li>Failures count only outside the grace period ({@code gracePeriodSeconds} after start) or after a
 *       check has passed once; {@code maxConsecutiveFailures} counted failures in a row: Unhealthy
 *       (the Task is then killed and replaced). {@code 0} means never Unhealthy.
 *   <li>Fewer failures than that: Healthy if a check ever passed (a blip is tolerated), else Unknown.
 * </ul>
 */
public enum HealthVerdict {
  HEALTHY("Healthy"), UNHEALTHY("Unhealthy"), UNKNOWN("Unknown");

  public static final int DEFAULT_GRACE_PERIOD_SECONDS = 300;
  public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 3;

  private final String value;

  HealthVerdict(String value) {
    this.value = value;
  }

  /** The value of {@code status.health}. */
  public String value() {
    return value;
  }

  /**
   * Judges {@code results} (oldest first) of a Task started at {@code startedAt}. Null parameters take the
   * CRD defaults (grace 300 s, 3 failures).
   */
  public static HealthVerdict of(List<HealthCheckResult> results, Instant startedAt, Integer gracePeriodSeconds,
      Integer maxConsecutiveFailures) {
    if (results.isEmpty()) {
      return UNKNOWN;
    }
    if (results.get(results.size() - 1).passed()) {
      return HEALTHY;
    }
    int grace = gracePeriodSeconds == null ? DEFAULT_GRACE_PERIOD_SECONDS : gracePeriodSeconds;
    int max = maxConsecutiveFailures == null ? DEFAULT_MAX_CONSECUTIVE_FAILURES : maxConsecutiveFailures;
    Instant graceEnd = startedAt == null ? Instant.MIN : startedAt.plusSeconds(grace);
    boolean everPassed = false;
    int counted = 0;
    for (HealthCheckResult r : results) {
      if (r.passed()) {
        everPassed = true;
        counted = 0;
      } else if (everPassed || !r.at().isBefore(graceEnd)) {
        counted++;
      }
    }
    if (max > 0 && counted >= max) {
      return UNHEALTHY;
    }
    return everPassed ? HEALTHY : UNKNOWN;
  }
}
