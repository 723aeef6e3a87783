package io.disponent.store.internal.raft;

import io.disponent.store.LeaseNotFoundException;
import io.disponent.store.Store;
import io.disponent.store.StoreTuning;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What only the leader does, on a timer: revoke expired leases and compact old history. */
final class LeaderChores implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderChores.class);

  private final Store store;
  private final StoreStateMachine stateMachine;
  private final StoreTuning tuning;

  LeaderChores(Store store, StoreStateMachine stateMachine, StoreTuning tuning) {
    this.store = store;
    this.stateMachine = stateMachine;
    this.tuning = tuning;
  }

  @Override
  public void run() {
    try {
      for (long id : stateMachine.lessor().expired()) {
        LOG.debug("lease {} expired: revoking it", id);
        store.leaseRevoke(id).exceptionally(e -> {
          Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          if (!(cause instanceof LeaseNotFoundException)) {
            LOG.warn("revoking expired lease {} failed; will retry", id, cause);
          }
          return null;
        });
      }
    } catch (RuntimeException e) {
      LOG.warn("leader chores failed", e);
    }
  }
}
