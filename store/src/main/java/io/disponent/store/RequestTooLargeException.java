package io.disponent.store;

/** A value, or a transaction's number of operations, is over the store's limit. */
public final class RequestTooLargeException extends StoreException {
  private final String detail;

  public RequestTooLargeException(String detail) {
    super(detail);
    this.detail = detail;
  }

  /** The message without the "store: " prefix. */
  public String detail() {
    return detail;
  }

  @Override
  public String code() {
    return "RequestTooLarge";
  }
}
