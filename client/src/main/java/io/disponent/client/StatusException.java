package io.disponent.client;

import java.time.Duration;
import java.util.Optional;

/** Any other error answer (400, 403, 422, 429, 5xx, ...); {@link #status()} says which. */
public final class StatusException extends ApiException {

  private final Duration retryAfter;

  StatusException(Status status, String message, Duration retryAfter) {
    super(status, message, null);
    this.retryAfter = retryAfter;
  }

  /** The server's Retry-After (429, 503), when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
