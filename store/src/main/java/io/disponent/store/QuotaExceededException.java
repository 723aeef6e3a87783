package io.disponent.store;

/** The store is full: it refuses writes that grow it, and still serves reads and deletes. */
public final class QuotaExceededException extends StoreException {
  private final long dataSizeBytes;
  private final long quotaBytes;

  public QuotaExceededException(long dataSizeBytes, long quotaBytes) {
    super("database space exceeded: " + dataSizeBytes + " bytes used of a quota of " + quotaBytes
        + "; delete keys and compact to free space");
    this.dataSizeBytes = dataSizeBytes;
    this.quotaBytes = quotaBytes;
  }

  public long dataSizeBytes() {
    return dataSizeBytes;
  }

  public long quotaBytes() {
    return quotaBytes;
  }

  @Override
  public String code() {
    return "QuotaExceeded";
  }
}
