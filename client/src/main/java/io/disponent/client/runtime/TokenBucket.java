package io.disponent.client.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket (golang.org/x/time/rate semantics): {@code qps} tokens a second, at most {@code
 * burst} saved. {@link #reserve} always takes a token and answers how long its holder must wait,
 * so the debt of a burst delays later callers. Not thread-safe: the work queue calls it under its
 * lock.
 */
final class TokenBucket {

  private final double qps;
  private final int burst;
  private double tokens;
  private Instant last;

  TokenBucket(double qps, int burst, Instant now) {
    if (qps <= 0 || burst < 1) {
      throw new IllegalArgumentException("runtime: a token bucket needs qps > 0 and burst >= 1");
    }
    this.qps = qps;
    this.burst = burst;
    this.tokens = burst;
    this.last = now;
  }

  Duration reserve(Instant now) {
    if (now.isAfter(last)) {
      double elapsed = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + elapsed * qps);
      last = now;
    }
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
  }
}
