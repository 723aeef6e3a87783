package io.disponent.store;

/** The store (this replica or this client) was closed. */
public final class StoreClosedException extends StoreException {
  public StoreClosedException() {
    super("closed");
  }

  @Override
  public String code() {
    return "Closed";
  }
}
