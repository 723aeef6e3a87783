package io.disponent.client;

/**
 * No answer: no server reachable, a timeout, or the circuit breaker is open (failing fast). Status
 * code 0, reason {@code Unavailable} or {@code CircuitOpen}.
 */
public final class UnavailableException extends ApiException {
  UnavailableException(String reason, String message, Throwable cause) {
    super(new Status(0, reason, message), "client: " + message, cause);
  }
}
