package io.disponent.store;

/**
 * The store ended a watch, for the reason in the message (most often: the listener fell too far
 * behind). A new watch from {@link #resumeRevision()} misses nothing and repeats nothing.
 */
public final class WatchCancelledException extends StoreException {
  private final long resumeRevision;

  public WatchCancelledException(String reason, long resumeRevision) {
    super("watch cancelled: " + reason + "; resume from revision " + resumeRevision);
    this.resumeRevision = resumeRevision;
  }

  public long resumeRevision() {
    return resumeRevision;
  }

  @Override
  public String code() {
    return "WatchCancelled";
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
