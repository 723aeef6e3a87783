package io.disponent.store;

/** The lease does not exist: never granted, revoked, or expired. */
public final class LeaseNotFoundException extends StoreException {
  private final long leaseId;

  public LeaseNotFoundException(long leaseId) {
    super("requested lease " + leaseId + " not found");
    this.leaseId = leaseId;
  }

  public long leaseId() {
    return leaseId;
  }

  @Override
  public String code() {
    return "LeaseNotFound";
  }
}
