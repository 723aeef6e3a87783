package io.disponent.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * One condition of a transaction, on one key. A key that does not exist has modRevision,
 * createRevision and version 0 and no value, so {@code version(k, EQUAL, 0)} means "absent" and is
 * what create-if-absent uses.
 */
public sealed interface Compare {

  String key();

  /** How the key's field is compared with the given operand: {@code field OP operand}. */
  enum Op { EQUAL, NOT_EQUAL, LESS, GREATER }

  record ModRevision(String key, Op op, long revision) implements Compare {}

  record CreateRevision(String key, Op op, long revision) implements Compare {}

  record Version(String key, Op op, long version) implements Compare {}

  /** Compares the value bytes lexicographically (unsigned); an absent key fails every value compare. */
  record Value(String key, Op op, byte[] value) implements Compare {
    public Value {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Value v && key.equals(v.key) && op == v.op && Arrays.equals(value, v.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, op, Arrays.hashCode(value));
    }
  }

  static Compare absent(String key) {
    return new Version(key, Op.EQUAL, 0);
  }

  static Compare modRevisionIs(String key, long revision) {
    return new ModRevision(key, Op.EQUAL, revision);
  }
}
