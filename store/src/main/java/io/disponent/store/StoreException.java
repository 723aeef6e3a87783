package io.disponent.store;

/**
 * Every error the store reports. Messages start with "store: " as etcd's do with "mvcc: ", so a
 * wrapped one still says where it came from. {@link #code()} is stable and travels over the wire.
 */
public abstract sealed class StoreException extends RuntimeException
    permits ConflictException,
        CompactedException,
        FutureRevisionException,
        NoLeaderException,
        StoreTimeoutException,
        QuotaExceededException,
        RequestTooLargeException,
        InvalidRequestException,
        LeaseNotFoundException,
        WatchCancelledException,
        StoreClosedException {

  protected StoreException(String message) {
    super("store: " + message);
  }

  protected StoreException(String message, Throwable cause) {
    super("store: " + message, cause);
  }

  /** A short stable name of the error's kind. */
  public abstract String code();

  /** Whether the same request may succeed if sent again later. */
  public boolean retriable() {
    return false;
  }
}
