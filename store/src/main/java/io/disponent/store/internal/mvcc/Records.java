package io.disponent.store.internal.mvcc;

import io.disponent.store.KeyValue;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.codec.WireReader;
import io.disponent.store.internal.codec.WireWriter;

/**
 * The RocksDB values of each column family, in the store's wire encoding. The key itself lives in
 * the RocksDB key and is not repeated.
 */
final class Records {
  private static final int PUT = 1;
  private static final int TOMBSTONE = 2;

  /** Fixed per-record overhead added to {@link MetaState#dataSize()} for every history record. */
  static final long RECORD_OVERHEAD = 32;

  private Records() {}

  /** {@code current}: createRevision, modRevision, version, lease, value. */
  static byte[] current(KeyValue kv) {
    return new WireWriter(kv.value().length + 24)
        .varLong(kv.createRevision()).varLong(kv.modRevision()).varLong(kv.version()).varLong(kv.lease())
        .bytes(kv.value())
        .toByteArray();
  }

  static KeyValue current(String key, byte[] rec) {
    WireReader r = new WireReader(rec);
    long create = r.varLong();
    long mod = r.varLong();
    long version = r.varLong();
    long lease = r.varLong();
    return new KeyValue(key, r.bytes(), create, mod, version, lease);
  }

  /** {@code history} of a put: tag, createRevision, version, lease, value (modRevision is in the key). */
  static byte[] historyPut(KeyValue kv) {
    return new WireWriter(kv.value().length + 24)
        .u8(PUT).varLong(kv.createRevision()).varLong(kv.version()).varLong(kv.lease()).bytes(kv.value())
        .toByteArray();
  }

  static byte[] historyTombstone() {
    return new byte[] {TOMBSTONE};
  }

  static boolean isTombstone(byte[] rec) {
    return rec[0] == TOMBSTONE;
  }

  /** The version a history record describes, or null for a tombstone. */
  static KeyValue history(String key, long modRevision, byte[] rec) {
    if (isTombstone(rec)) {
      return null;
    }
    WireReader r = new WireReader(rec);
    r.u8();
    long create = r.varLong();
    long version = r.varLong();
    long lease = r.varLong();
    return new KeyValue(key, r.bytes(), create, modRevision, version, lease);
  }

  /** What a history record counts in {@link MetaState#dataSize()}. */
  static long size(byte[] key, KeyValue kvOrNull) {
    return key.length + RECORD_OVERHEAD + (kvOrNull == null ? 0 : kvOrNull.value().length);
  }

  /** {@code events}: type, key. The versions are looked up in {@code history}. */
  static byte[] event(WatchEvent.Type type, String key) {
    return new WireWriter(key.length() + 4).u8(type.ordinal()).string(key).toByteArray();
  }

  static WatchEvent.Type eventType(byte[] rec) {
    return WatchEvent.Type.values()[rec[0]];
  }

  static String eventKey(byte[] rec) {
    WireReader r = new WireReader(rec);
    r.u8();
    return r.string();
  }

  /** {@code leases}: ttl in seconds. */
  static byte[] lease(long ttlSeconds) {
    return new WireWriter(10).varLong(ttlSeconds).toByteArray();
  }

  static long leaseTtl(byte[] rec) {
    return new WireReader(rec).varLong();
  }

  /** The kv a DELETE event carries, as etcd reports it. */
  static KeyValue deleted(String key, long revision) {
    return new KeyValue(key, new byte[0], 0, revision, 0, 0);
  }
}
