package io.disponent.store.internal.mvcc;

import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.WatchEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.rocksdb.RocksIterator;

/** The store's queries over its column families, against one {@link Source}. */
final class Reads {
  private final StoreDb db;
  private final Source source;

  Reads(StoreDb db, Source source) {
    this.db = db;
    this.source = source;
  }

  /** The newest version of a live key, or null. */
  KeyValue current(String key) {
    byte[] rec = source.get(db.current, Keys.utf8(key));
    return rec == null ? null : Records.current(key, rec);
  }

  /** Visits the live keys of {@code range} in key order while {@code visit} returns true. */
  void current(KeyRange range, Predicate<KeyValue> visit) {
    if (range.isSingle()) {
      KeyValue kv = current(range.key());
      if (kv != null) {
        visit.test(kv);
      }
      return;
    }
    byte[] end = end(range);
    try (RocksIterator it = source.iterator(db.current)) {
      for (it.seek(Keys.utf8(range.key())); it.isValid(); it.next()) {
        byte[] k = it.key();
        if (end != null && Arrays.compareUnsigned(k, end) >= 0) {
          return;
        }
        if (!visit.test(Records.current(Keys.string(k, 0, k.length), it.value()))) {
          return;
        }
      }
    }
  }

  /** Visits the keys of {@code range} as they were at {@code revision}, in key order. */
  void history(KeyRange range, long revision, Predicate<KeyValue> visit) {
    try (RocksIterator it = source.iterator(db.history)) {
      if (range.isSingle()) {
        KeyValue kv = versionAt(it, Keys.utf8(range.key()), range.key(), revision);
        if (kv != null) {
          visit.test(kv);
        }
        return;
      }
      byte[] start = Keys.utf8(range.key());
      byte[] end = end(range);
      it.seek(start);
      while (it.isValid()) {
        byte[] hk = it.key();
        byte[] kb = Arrays.copyOf(hk, hk.length - 1 - Keys.REV_BYTES);
        if (Arrays.compareUnsigned(kb, start) < 0) {
          // only when the range starts inside a key's records ("k\0" continuing after "k")
          it.seek(Keys.historyEnd(kb));
          continue;
        }
        if (end != null && Arrays.compareUnsigned(kb, end) >= 0) {
          return;
        }
        String key = Keys.string(kb, 0, kb.length);
        byte[] best = null;
        long bestRevision = 0;
        while (it.isValid() && Keys.isHistoryOf(hk = it.key(), kb)) {
          long rev = Keys.historyRevision(hk);
          if (rev > revision) {
            it.seek(Keys.historyEnd(kb));
            break;
          }
          best = it.value();
          bestRevision = rev;
          it.next();
        }
        KeyValue kv = best == null ? null : Records.history(key, bestRevision, best);
        if (kv != null && !visit.test(kv)) {
          return;
        }
      }
    }
  }

  /** The UTF-8 end of an interval (bytewise order is the store's key order), or null if unbounded. */
  private static byte[] end(KeyRange range) {
    return KeyRange.UNBOUNDED.equals(range.end()) ? null : Keys.utf8(range.end());
  }

  /** The version of one key at {@code revision}, or null if it did not exist then (or was compacted). */
  static KeyValue versionAt(RocksIterator historyIt, byte[] kb, String key, long revision) {
    historyIt.seekForPrev(Keys.history(kb, revision));
    if (!historyIt.isValid() || !Keys.isHistoryOf(historyIt.key(), kb)) {
      return null;
    }
    return Records.history(key, Keys.historyRevision(historyIt.key()), historyIt.value());
  }

  /**
   * See {@link io.disponent.store.internal.EventSource#events}; the caller checks that {@code from}
   * is not below {@code compactRevision}. An event at {@code compactRevision} has no previous
   * version: compaction drops it, and this does not depend on whether it has done so yet.
   */
  List<WatchEvent> events(long from, long to, int maxEvents, long compactRevision) {
    List<WatchEvent> out = new ArrayList<>();
    try (RocksIterator it = source.iterator(db.events); RocksIterator hist = source.iterator(db.history)) {
      long lastRevision = -1;
      for (it.seek(Keys.event(Math.max(from, 0), 0)); it.isValid(); it.next()) {
        long rev = Keys.eventRevision(it.key());
        if (rev > to || (rev != lastRevision && !out.isEmpty() && out.size() >= maxEvents)) {
          break;
        }
        lastRevision = rev;
        byte[] rec = it.value();
        String key = Records.eventKey(rec);
        byte[] kb = Keys.utf8(key);
        WatchEvent.Type type = Records.eventType(rec);
        KeyValue kv;
        if (type == WatchEvent.Type.PUT) {
          byte[] put = source.get(db.history, Keys.history(kb, rev));
          if (put == null) {
            throw new IllegalStateException("store: history of " + key + "@" + rev + " is missing for its event");
          }
          kv = Records.history(key, rev, put);
        } else {
          kv = Records.deleted(key, rev);
        }
        KeyValue prev = rev - 1 < compactRevision ? null : versionAt(hist, kb, key, rev - 1);
        out.add(new WatchEvent(type, kv, prev));
      }
    }
    return out;
  }

  /** The lease's ttl, or -1 if it does not exist. */
  long leaseTtl(long id) {
    byte[] rec = source.get(db.leases, Keys.lease(id));
    return rec == null ? -1 : Records.leaseTtl(rec);
  }

  /** The keys attached to a lease, in key order. */
  List<String> leaseKeys(long id) {
    List<String> keys = new ArrayList<>();
    try (RocksIterator it = source.iterator(db.leaseKeys)) {
      for (it.seek(Keys.lease(id)); it.isValid() && Keys.isLeaseKeyOf(it.key(), id); it.next()) {
        keys.add(Keys.leaseKeyKey(it.key()));
      }
    }
    return keys;
  }
}
