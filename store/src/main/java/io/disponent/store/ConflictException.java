package io.disponent.store;

/** A conditional write found the key not as expected (present, absent or changed since read). */
public final class ConflictException extends StoreException {
  private final String key;
  private final long actualModRevision;

  public ConflictException(String key, long actualModRevision) {
    super("conflict on key " + key + " (its modRevision is " + actualModRevision + ")");
    this.key = key;
    this.actualModRevision = actualModRevision;
  }

  public String key() {
    return key;
  }

  /** The key's modRevision when the write was refused; 0 if the key did not exist. */
  public long actualModRevision() {
    return actualModRevision;
  }

  @Override
  public String code() {
    return "Conflict";
  }
}
