package io.disponent.store;

/** The requested revision is newer than the store's current one. */
public final class FutureRevisionException extends StoreException {
  private final long requestedRevision;
  private final long currentRevision;

  public FutureRevisionException(long requestedRevision, long currentRevision) {
    super("required revision " + requestedRevision + " is a future revision (current revision is "
        + currentRevision + ")");
    this.requestedRevision = requestedRevision;
    this.currentRevision = currentRevision;
  }

  public long requestedRevision() {
    return requestedRevision;
  }

  public long currentRevision() {
    return currentRevision;
  }

  @Override
  public String code() {
    return "FutureRevision";
  }
}
