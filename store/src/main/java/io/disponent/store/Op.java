package io.disponent.store;

import java.util.Arrays;
import java.util.Objects;

/** One write of a transaction. */
public sealed interface Op {

  /**
   * Sets a key's value.
   *
   * @param lease attach the key to this lease (0 for none); the key is deleted when it expires
   */
  record Put(String key, byte[] value, long lease) implements Op {
    public Put {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    public Put(String key, byte[] value) {
      this(key, value, 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Put p && key.equals(p.key) && Arrays.equals(value, p.value) && lease == p.lease;
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, Arrays.hashCode(value), lease);
    }

    @Override
    public String toString() {
      return "Put[" + key + " " + value.length + " bytes lease=" + lease + "]";
    }
  }

  /** Deletes a key or every key of an interval. */
  record Delete(KeyRange range) implements Op {
    public Delete {
      Objects.requireNonNull(range, "range");
    }

    public static Delete key(String key) {
      return new Delete(KeyRange.single(key));
    }
  }
}
