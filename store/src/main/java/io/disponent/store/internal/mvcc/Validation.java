package io.disponent.store.internal.mvcc;

import io.disponent.store.Compare;
import io.disponent.store.InvalidRequestException;
import io.disponent.store.KeyRange;
import io.disponent.store.Op;
import io.disponent.store.RequestTooLargeException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks a request must pass before it is evaluated; they depend on nothing but the request. */
final class Validation {
  private Validation() {}

  /** The error a transaction is refused with, or null if it is well-formed. */
  static StoreException txn(TxnRequest t, StoreLimits limits) {
    if (t.opCount() > limits.maxOpsPerTxn()) {
      return new RequestTooLargeException("too many operations in txn request: " + t.opCount()
          + " > " + limits.maxOpsPerTxn());
    }
    for (Compare c : t.compares()) {
      StoreException e = key(c.key(), limits);
      if (e != null) {
        return e;
      }
    }
    StoreException e = branch(t.success(), limits);
    return e != null ? e : branch(t.failure(), limits);
  }

  /**
   * Checks each op, and that no key is written twice in one branch (as etcd: a key put twice, or
   * put and inside a deleted interval), so every key has at most one version per revision.
   */
  private static StoreException branch(List<Op> ops, StoreLimits limits) {
    Set<String> puts = new HashSet<>();
    for (Op op : ops) {
      if (op instanceof Op.Put p) {
        StoreException e = key(p.key(), limits);
        if (e != null) {
          return e;
        }
        if (p.value().length > limits.maxValueBytes()) {
          return new RequestTooLargeException("value of " + p.key() + " is too large: " + p.value().length
              + " > " + limits.maxValueBytes() + " bytes");
        }
        if (!puts.add(p.key())) {
          return duplicate(p.key());
        }
      } else if (op instanceof Op.Delete d) {
        StoreException e = range(d.range(), limits);
        if (e != null) {
          return e;
        }
      }
    }
    for (Op op : ops) {
      if (op instanceof Op.Delete d) {
        for (String k : puts) {
          if (d.range().contains(k)) {
            return duplicate(k);
          }
        }
      }
    }
    return null;
  }

  private static StoreException duplicate(String key) {
    return new InvalidRequestException("duplicate key given in txn request: " + key);
  }

  /** A key that may be written. */
  static StoreException key(String key, StoreLimits limits) {
    if (key.isEmpty()) {
      return new InvalidRequestException("key is not provided");
    }
    if (key.indexOf('\0') >= 0) {
      return new InvalidRequestException("key must not contain a NUL character");
    }
    return keySize(key, limits);
  }

  /**
   * A key or interval that may be read or deleted. An interval's start may be empty (the first
   * key) or contain NUL (a continuation after a key); its end must be after it.
   */
  static StoreException range(KeyRange r, StoreLimits limits) {
    if (r.isSingle()) {
      return key(r.key(), limits);
    }
    StoreException e = keySize(r.key(), limits);
    if (e != null) {
      return e;
    }
    if (!KeyRange.UNBOUNDED.equals(r.end()) && KeyRange.compare(r.end(), r.key()) <= 0) {
      return new InvalidRequestException("range end " + r.end() + " is not after its key " + r.key());
    }
    return null;
  }

  private static StoreException keySize(String key, StoreLimits limits) {
    int n = key.getBytes(StandardCharsets.UTF_8).length;
    if (n > limits.maxKeyBytes()) {
      return new RequestTooLargeException("key is too large: " + n + " > " + limits.maxKeyBytes() + " bytes");
    }
    return null;
  }
}
