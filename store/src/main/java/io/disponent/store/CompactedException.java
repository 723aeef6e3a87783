package io.disponent.store;

/** The requested revision was compacted away. */
public final class CompactedException extends StoreException {
  private final long requestedRevision;
  private final long compactRevision;

  public CompactedException(long requestedRevision, long compactRevision) {
    super("required revision " + requestedRevision + " has been compacted (compacted revision is "
        + compactRevision + ")");
    this.requestedRevision = requestedRevision;
    this.compactRevision = compactRevision;
  }

  public long requestedRevision() {
    return requestedRevision;
  }

  public long compactRevision() {
    return compactRevision;
  }

  @Override
  public String code() {
    return "Compacted";
  }
}
