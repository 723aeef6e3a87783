package io.disponent.apiserver.internal.errors;

import java.time.Duration;

/**
 * The Retry-After a 503 carries. kubectl (client-go) and Disponent's client retry a 503 that has one, so
 * it sets how soon they come back: at once while a wait is young (an election takes about a second),
 * less often the longer it lasts, so that a member without quorum for minutes is not hammered.
 */
public final class RetryAfter {

  /** The shortest answer, and the one for a store that failed a single call (no known outage). */
  public static final int MIN_SECONDS = 1;
  /** The longest: a client still comes back within this once the cluster is whole again. */
  public static final int MAX_SECONDS = 10;
  /** One more second of Retry-After per this much time waited. */
  static final Duration STEP = Duration.ofSeconds(10);

  private RetryAfter() {}

  /** Seconds to wait, given how long the server has been unable to serve. */
  public static int seconds(Duration unavailableFor) {
    if (unavailableFor.isNegative()) {
      return MIN_SECONDS;
    }
    long seconds = MIN_SECONDS + unavailableFor.toMillis() / STEP.toMillis();
    return (int) Math.min(MAX_SECONDS, seconds);
  }
}
