package io.disponent.store;

/** A request that no store state could make valid (an empty key, a bad range, a negative TTL). */
public final class InvalidRequestException extends StoreException {
  private final String detail;

  public InvalidRequestException(String detail) {
    super(detail);
    this.detail = detail;
  }

  /** The message without the "store: " prefix. */
  public String detail() {
    return detail;
  }

  @Override
  public String code() {
    return "InvalidRequest";
  }
}
