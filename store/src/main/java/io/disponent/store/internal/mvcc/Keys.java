package io.disponent.store.internal.mvcc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The RocksDB keys of each column family. Integers are big-endian so that bytewise order is numeric
 * order. A store key never contains a 0x00 byte, so {@code key 0x00 revision} sorts all revisions of
 * one key together and before every longer key that extends it.
 */
final class Keys {
  static final int REV_BYTES = 8;
  static final int SUB_BYTES = 4;

  private Keys() {}

  static byte[] utf8(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** {@code history}: key, 0x00, revision. */
  static byte[] history(byte[] key, long revision) {
    byte[] out = Arrays.copyOf(key, key.length + 1 + REV_BYTES);
    putLong(out, key.length + 1, revision);
    return out;
  }

  static String historyKey(byte[] hkey) {
    return string(hkey, 0, hkey.length - 1 - REV_BYTES);
  }

  static long historyRevision(byte[] hkey) {
    return getLong(hkey, hkey.length - REV_BYTES);
  }

  /** Whether {@code hkey} is a history record of {@code key}. */
  static boolean isHistoryOf(byte[] hkey, byte[] key) {
    return hkey.length == key.length + 1 + REV_BYTES
        && hkey[key.length] == 0
        && Arrays.equals(hkey, 0, key.length, key, 0, key.length);
  }

  /** The first byte string after every history record of {@code key}. */
  static byte[] historyEnd(byte[] key) {
    byte[] out = Arrays.copyOf(key, key.length + 1);
    out[key.length] = 1;
    return out;
  }

  /** {@code events}: revision, sub-index. */
  static byte[] event(long revision, int sub) {
    byte[] out = new byte[REV_BYTES + SUB_BYTES];
    putLong(out, 0, revision);
    out[8] = (byte) (sub >>> 24);
    out[9] = (byte) (sub >>> 16);
    out[10] = (byte) (sub >>> 8);
    out[11] = (byte) sub;
    return out;
  }

  static long eventRevision(byte[] ekey) {
    return getLong(ekey, 0);
  }

  static int eventSub(byte[] ekey) {
    return ((ekey[8] & 0xFF) << 24) | ((ekey[9] & 0xFF) << 16) | ((ekey[10] & 0xFF) << 8) | (ekey[11] & 0xFF);
  }

  /** {@code leases}: lease id. */
  static byte[] lease(long id) {
    byte[] out = new byte[REV_BYTES];
    putLong(out, 0, id);
    return out;
  }

  /** {@code lease_keys}: lease id, key. */
  static byte[] leaseKey(long id, byte[] key) {
    byte[] out = new byte[REV_BYTES + key.length];
    putLong(out, 0, id);
    System.arraycopy(key, 0, out, REV_BYTES, key.length);
    return out;
  }

  static boolean isLeaseKeyOf(byte[] lkey, long id) {
    return lkey.length >= REV_BYTES && getLong(lkey, 0) == id;
  }

  static String leaseKeyKey(byte[] lkey) {
    return string(lkey, REV_BYTES, lkey.length);
  }

  static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + 7 - i] = (byte) (v >>> (i * 8));
    }
  }
}
