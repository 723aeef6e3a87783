package io.disponent.client;

/**
 * A failed API call. The subclasses are the cases a caller acts on differently; every one carries
 * the server's {@link Status} (code 0 for failures that never got an answer).
 */
public abstract sealed class ApiException extends RuntimeException
    permits ConflictException, NotFoundException, ExpiredException, UnavailableException, StatusException {

  private final Status status;

  ApiException(Status status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public Status status() {
    return status;
  }

  public int code() {
    return status.code();
  }

  /** Maps an answer's Status to the matching exception (public for fakes that answer as a server would). */
  public static ApiException of(String what, Status s, java.time.Duration retryAfter) {
    String msg = "client: " + what + ": " + s.code() + " " + s.reason() + ": " + s.message();
    switch (s.code()) {
      case 404:
        return new NotFoundException(s, msg);
      case 409:
        return new ConflictException(s, msg);
      case 410:
        return new ExpiredException(s, msg);
      default:
        return new StatusException(s, msg, retryAfter);
    }
  }
}
