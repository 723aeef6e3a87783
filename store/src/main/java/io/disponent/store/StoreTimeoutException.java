package io.disponent.store;

/**
 * The request did not complete in time. A write that timed out may still be applied later; a
 * retried write is applied at most once only when it is retried by the same client call.
 */
public final class StoreTimeoutException extends StoreException {
  public StoreTimeoutException(String message, Throwable cause) {
    super("timeout: " + message, cause);
  }

  @Override
  public String code() {
    return "Timeout";
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
