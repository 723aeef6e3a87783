package io.disponent.store;

import java.util.Objects;

/**
 * A read of a key or an interval of keys.
 *
 * @param range the keys
 * @param revision read as of this revision; 0 for the current one
 * @param limit at most this many keys (0 for no limit); {@link RangeResponse#more()} tells whether
 *     more were left, and a continuation starts at the next key after the last one returned
 * @param countOnly return only the count of matching keys
 * @param serializable a stale read: served from the local replica's state without a round of
 *     consensus, so it may miss the newest writes. Linearizable when false (the default).
 */
public record RangeRequest(KeyRange range, long revision, long limit, boolean countOnly, boolean serializable) {

  public RangeRequest {
    Objects.requireNonNull(range, "range");
    if (revision < 0 || limit < 0) {
      throw new IllegalArgumentException("revision and limit must not be negative");
    }
  }

  public static RangeRequest of(KeyRange range) {
    return new RangeRequest(range, 0, 0, false, false);
  }

  public static RangeRequest key(String key) {
    return of(KeyRange.single(key));
  }

  public static RangeRequest prefix(String prefix) {
    return of(KeyRange.prefix(prefix));
  }

  public RangeRequest atRevision(long rev) {
    return new RangeRequest(range, rev, limit, countOnly, serializable);
  }

  public RangeRequest withLimit(long n) {
    return new RangeRequest(range, revision, n, countOnly, serializable);
  }

  public RangeRequest withCountOnly() {
    return new RangeRequest(range, revision, limit, true, serializable);
  }

  public RangeRequest stale() {
    return new RangeRequest(range, revision, limit, countOnly, true);
  }

  /** The same read, continued after {@code lastKey} (exclusive). Only for interval reads. */
  public RangeRequest continueAfter(String lastKey) {
    if (range.isSingle()) {
      throw new IllegalArgumentException("a single-key read has no continuation");
    }
    return new RangeRequest(new KeyRange(lastKey + "\0", range.end()), revision, limit, countOnly, serializable);
  }
}
