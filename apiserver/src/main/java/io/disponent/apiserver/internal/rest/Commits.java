package io.disponent.apiserver.internal.rest;

import io.disponent.apiserver.internal.storage.StoreCalls;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.store.ConflictException;
import io.disponent.store.Store;
import java.time.Duration;

/** Compare-and-swap writes of an object read earlier: a {@link StaleWrite} when it changed since. */
record Commits(Store store, Duration timeout) {

  /** Replaces {@code current} with {@code value}; answers the new revision. */
  long update(StoredObject current, byte[] value) {
    try {
      return StoreCalls.await(store.update(current.key(), value, current.revision()), timeout);
    } catch (ConflictException e) {
      throw new StaleWrite();
    }
  }

  /** Deletes {@code current}; answers the revision of the deletion. */
  long delete(StoredObject current) {
    try {
      return StoreCalls.await(store.delete(current.key(), current.revision()), timeout);
    } catch (ConflictException e) {
      throw new StaleWrite();
    }
  }
}
