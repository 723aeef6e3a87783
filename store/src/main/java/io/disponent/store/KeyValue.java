package io.disponent.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key's state at one revision, with etcd's bookkeeping: the revision that created the key's
 * current generation, the revision of its last change, its version within the generation (1 on
 * create) and the lease it is attached to (0 for none).
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision, long version, long lease) {

  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public String valueUtf8() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue kv
        && key.equals(kv.key)
        && Arrays.equals(value, kv.value)
        && createRevision == kv.createRevision
        && modRevision == kv.modRevision
        && version == kv.version
        && lease == kv.lease;
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(value), createRevision, modRevision, version, lease);
  }

  @Override
  public String toString() {
    return "KeyValue[" + key + " create=" + createRevision + " mod=" + modRevision + " version=" + version
        + " lease=" + lease + " " + value.length + " bytes]";
  }
}
