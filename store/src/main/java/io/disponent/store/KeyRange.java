package io.disponent.store;

import java.util.Objects;

/**
 * A set of keys: one key ({@code end} empty), or the half-open interval {@code [key, end)} as in
 * etcd. {@link #prefix(String)} builds the interval of every key that starts with a prefix;
 * {@link #all()} is every key.
 */
public record KeyRange(String key, String end) {

  /** The end of an interval that has no upper bound. */
  public static final String UNBOUNDED = "\0";

  public KeyRange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(end, "end");
  }

  public static KeyRange single(String key) {
    return new KeyRange(key, "");
  }

  public static KeyRange prefix(String prefix) {
    if (prefix.isEmpty()) {
      return all();
    }
    return new KeyRange(prefix, prefixEnd(prefix));
  }

  public static KeyRange all() {
    return new KeyRange("", UNBOUNDED);
  }

  public boolean isSingle() {
    return end.isEmpty();
  }

  public boolean contains(String k) {
    if (isSingle()) {
      return key.equals(k);
    }
    return compare(k, key) >= 0 && (UNBOUNDED.equals(end) || compare(k, end) < 0);
  }

  /**
   * The store's key order: by Unicode code point, which is the order of the keys' UTF-8 bytes (and
   * so RocksDB's bytewise order), unlike {@link String#compareTo} for characters past U+D7FF.
   */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The smallest string greater than every string that starts with {@code prefix}. */
  static String prefixEnd(String prefix) {
    int[] cps = prefix.codePoints().toArray();
    for (int i = cps.length - 1; i >= 0; i--) {
      if (cps[i] < Character.MAX_CODE_POINT) {
        cps[i] = cps[i] + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : cps[i] + 1;
        return new String(cps, 0, i + 1);
      }
    }
    return UNBOUNDED;
  }
}
