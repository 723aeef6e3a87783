package io.disponent.store;

import io.disponent.store.internal.raft.Replica;
import java.io.IOException;
import java.time.Duration;

/**
 * A store replica running in this JVM: the Raft server, its state machine and a client bound to it.
 * Closing it stops the replica; its data directory stays for the next start.
 */
public interface StoreReplica extends AutoCloseable {

  /** Starts a replica; alone in its cluster, it returns once it leads. */
  static StoreReplica start(ReplicaConfig config) throws IOException {
    return Replica.start(config);
  }

  /** The store as seen from this replica: watches and stale reads are local. */
  Store store();

  Member self();

  StoreStatus status();

  /** Waits until this replica knows a leader that is ready to serve; false if none in time. */
  boolean awaitLeader(Duration timeout);

  /** Whether this replica knows a leader that is ready to serve, now; never waits. */
  boolean hasLeader();

  boolean isLeader();

  @Override
  void close();
}
