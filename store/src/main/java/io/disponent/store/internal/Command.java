package io.disponent.store.internal;

import io.disponent.store.TxnRequest;

/** One replicated state change. Many commands travel in one Raft entry and apply in order. */
public sealed interface Command {

  record Txn(TxnRequest request) implements Command {}

  /** Compacts history before {@code revision}; takes no new revision. */
  record Compact(long revision) implements Command {}

  /** Grants a lease; its id is chosen by the state machine, deterministically. */
  record LeaseGrant(long ttlSeconds) implements Command {}

  /** Revokes a lease (by a client, or by the leader when it expired) and deletes its keys. */
  record LeaseRevoke(long leaseId) implements Command {}
}
