package io.disponent.store;

import java.util.List;

/**
 * If every compare holds, apply {@code success}, else {@code failure}; atomically, at one new
 * revision (no new revision when the chosen branch writes nothing). A plain write is a transaction
 * with no compares.
 */
public record TxnRequest(List<Compare> compares, List<Op> success, List<Op> failure) {

  public TxnRequest {
    compares = List.copyOf(compares);
    success = List.copyOf(success);
    failure = List.copyOf(failure);
  }

  public static TxnRequest put(String key, byte[] value) {
    return new TxnRequest(List.of(), List.of(new Op.Put(key, value)), List.of());
  }

  public static TxnRequest delete(String key) {
    return new TxnRequest(List.of(), List.of(Op.Delete.key(key)), List.of());
  }

  public static TxnRequest when(List<Compare> compares, List<Op> success) {
    return new TxnRequest(compares, success, List.of());
  }

  public int opCount() {
    return compares.size() + Math.max(success.size(), failure.size());
  }
}
