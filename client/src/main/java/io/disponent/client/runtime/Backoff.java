package io.disponent.client.runtime;

import java.time.Duration;

/**
 * Exponential backoff: {@code base * 2^failures}, capped at {@code max} (client-go's
 * ItemExponentialFailureRateLimiter). Pure.
 */
public record Backoff(Duration base, Duration max) {

  /** 5 ms doubling up to 1000 s, the work queue's default. */
  public static final Backoff ITEM_DEFAULT = new Backoff(Duration.ofMillis(5), Duration.ofSeconds(1000));

  public Backoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("runtime: backoff needs 0 < base <= max");
    }
  }

  /** The delay after {@code failures} earlier failures (0 → base). */
  public Duration delay(int failures) {
    int shift = Math.min(Math.max(failures, 0), 62);
    long b = base.toNanos();
    if (b > (max.toNanos() >> shift)) {
      return max;
    }
    return Duration.ofNanos(b << shift);
  }
}
