package io.disponent.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Which member a client addresses after a failure, and whether the call is tried again. Pure.
 *
 * <pre>
 * failure                      moves on   retried: idempotent (GET, LIST, WATCH)   write (POST, PUT, PATCH, DELETE)
 * NotSent (connect refused/t.o.)   yes      yes                                      yes: it never reached a server
 * CircuitOpen (this member's)      yes      yes, if there is another member          yes, if there is another member
 * NoAnswer (reset, timeout)        yes      yes                                      no: it may have been applied
 * Answered 503                     yes      yes                                      yes: the member refused it
 * Answered 429                     no       yes                                      yes: throttled before any work
 * Answered 5xx but 501, 503        no       yes                                      no
 * Answered anything else           no       no                                       no
 * Interrupted, NotApi (a bug)     no       no                                       no
 * </pre>
 *
 * "Moves on" applies only with more than one member. A retry on a member not yet tried in this call
 * goes at once; once every member was tried, retries wait the member's Retry-After or the backoff.
 */
final class Failover {

  private Failover() {}

  /** Whether this failure makes the client leave the member it addressed. */
  static boolean movesOn(Failure f, int members) {
    if (members < 2) {
      return false;
    }
    if (f instanceof Failure.Answered a) {
      return a.code() == 503;
    }
    return f instanceof Failure.NotSent || f instanceof Failure.CircuitOpen || f instanceof Failure.NoAnswer;
  }

  /** Whether the call is tried again after this failure. */
  static boolean retries(Failure f, boolean idempotent, int members) {
    if (f instanceof Failure.Answered a) {
      return a.code() == 429 || a.code() == 503 || (idempotent && a.code() >= 500 && a.code() != 501);
    }
    if (f instanceof Failure.CircuitOpen) {
      return members > 1;
    }
    if (f instanceof Failure.NoAnswer) {
      return idempotent;
    }
    return f instanceof Failure.NotSent;
  }

  /** The member after {@code at}, round-robin over {@code members}. */
  static int next(int at, int members) {
    return (at + 1) % members;
  }

  /**
   * How long to wait before attempt {@code attempt + 1} ({@code attempt} counts from 1): nothing when the failure
   * moved the call to a member it has not tried yet, else the server's Retry-After or the exponential backoff.
   */
  static Duration delay(Failure f, int attempt, int members, Optional<Duration> retryAfter, Duration initial,
      Duration max) {
    if (movesOn(f, members) && attempt < members) {
      return Duration.ZERO;
    }
    return retryAfter.orElseGet(() -> Retries.backoff(attempt, initial, max));
  }
}
