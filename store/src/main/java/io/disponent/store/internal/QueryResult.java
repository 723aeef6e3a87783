package io.disponent.store.internal;

import io.disponent.store.RangeResponse;
import io.disponent.store.StoreException;
import io.disponent.store.StoreStatus;

/** The answer to one {@link Query}, in the same position of the batch's result list. */
public sealed interface QueryResult {

  record Ranged(RangeResponse response) implements QueryResult {}

  record KeptAlive(long ttlSeconds) implements QueryResult {}

  record Status(StoreStatus status) implements QueryResult {}

  /** The replica that answered does not lead; the lease request must go to the leader. */
  record NotLeader(String leaderId) implements QueryResult {}

  record Failed(StoreException error) implements QueryResult {}
}
