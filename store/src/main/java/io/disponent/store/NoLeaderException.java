package io.disponent.store;

/** No replica could be reached that leads, or a quorum is missing. */
public final class NoLeaderException extends StoreException {
  public NoLeaderException(String message, Throwable cause) {
    super("no leader: " + message, cause);
  }

  @Override
  public String code() {
    return "NoLeader";
  }

  @Override
  public boolean retriable() {
    return true;
  }
}
