package io.disponent.store;

import java.util.List;

/** What one {@link Op} of an applied branch did, with the previous state of the keys it touched. */
public sealed interface OpResult {

  /** @param prevKv the key before the put, or null if it did not exist */
  record PutResult(KeyValue prevKv) implements OpResult {}

  /** @param prevKvs the keys the delete removed, in key order */
  record DeleteResult(List<KeyValue> prevKvs) implements OpResult {
    public DeleteResult {
      prevKvs = List.copyOf(prevKvs);
    }

    public long deleted() {
      return prevKvs.size();
    }
  }
}
