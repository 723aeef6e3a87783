package io.disponent.store.internal;

import io.disponent.store.RangeRequest;

/** A read served by a replica's state machine, never written to the log. */
public sealed interface Query {

  record Range(RangeRequest request) implements Query {}

  /** Renews a lease; only the leader holds lease deadlines, so only it answers. */
  record LeaseKeepAlive(long leaseId) implements Query {}

  record Status() implements Query {}
}
