package io.disponent.client;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/** What went wrong with one attempt, as far as retrying and failing over are concerned. */
sealed interface Failure {

  /** The request never left: the connection was refused or timed out, so even a write may be sent again. */
  record NotSent() implements Failure {}

  /** This member's circuit breaker is open: nothing was sent. */
  record CircuitOpen() implements Failure {}

  /** Sent, then no answer (reset, broken stream, request timeout): a write may have been applied. */
  record NoAnswer() implements Failure {}

  /** The server answered with this HTTP status. */
  record Answered(int code) implements Failure {}

  /** The calling thread was interrupted (its pool shut down): stop at once. */
  record Interrupted() implements Failure {}

  /** Not an API failure at all (a bug on the client's side): never retried. */
  record NotApi() implements Failure {}

  /** Classifies what an attempt threw; a connect failure shows as the cause of an {@code Unavailable}. */
  static Failure of(Throwable t) {
    if (t instanceof StatusException s) {
      return new Answered(s.code());
    }
    if (t instanceof UnavailableException u) {
      String reason = u.status().reason();
      if (Retries.INTERRUPTED.equals(reason)) {
        return new Interrupted();
      }
      if (Retries.CIRCUIT_OPEN.equals(reason)) {
        return new CircuitOpen();
      }
      return neverSent(u.getCause()) ? new NotSent() : new NoAnswer();
    }
    if (t instanceof ApiException a) {
      return new Answered(a.code());
    }
    return new NotApi();
  }

  private static boolean neverSent(Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
