package io.disponent.store.internal.raft;

import io.disponent.store.InvalidRequestException;
import io.disponent.store.NoLeaderException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.RaftRetryFailureException;
import org.apache.ratis.protocol.exceptions.ReconfigurationInProgressException;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;

/** Maps what the Ratis client throws onto the store's own errors. */
final class RatisErrors {
  private RatisErrors() {}

  /** The failure inside the future wrappers. */
  static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * True when a membership change may still be under way: Ratis refused it because one is in progress (often
   * the first attempt of the same change, still catching a new member up), or its client ran out of retries,
   * which it does after that refusal without keeping it as the cause.
   */
  static boolean reconfiguring(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (e instanceof ReconfigurationInProgressException || e instanceof RaftRetryFailureException) {
        return true;
      }
    }
    return false;
  }

  static StoreException map(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof StoreException se) {
      return se;
    }
    if (e instanceof TimeoutException || e instanceof TimeoutIOException) {
      return new StoreTimeoutException("no reply in time", e);
    }
    if (e instanceof AlreadyClosedException) {
      // the Ratis client gave up on a call; RaftStore replaces it, so this is worth retrying
      return new NoLeaderException("the connection to the replicas was reset: " + e.getMessage(), e);
    }
    if (e instanceof StateMachineException) {
      return new InvalidRequestException("replica refused the request: " + e.getMessage());
    }
    return new NoLeaderException(String.valueOf(e.getMessage()), e);
  }
}
