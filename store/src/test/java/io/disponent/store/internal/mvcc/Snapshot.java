package io.disponent.store.internal.mvcc;

import io.disponent.store.KeyValue;
import io.disponent.store.RangeRequest;
import io.disponent.store.WatchEvent;
import java.util.List;
import java.util.Map;

/** Everything a store exposes, for comparing two stores or one store before and after. */
record Snapshot(
    long appliedTerm, long appliedIndex, long revision, long compactRevision, long dataSize,
    List<KeyValue> current, List<WatchEvent> events, Map<Long, Long> leases) {

  static Snapshot of(MvccStore s) {
    long from = Math.max(1, s.compactRevision());
    return new Snapshot(s.appliedTerm(), s.appliedIndex(), s.revision(), s.compactRevision(), s.dataSize(),
        s.range(RangeRequest.prefix("")).kvs(), s.events(from, s.revision(), Integer.MAX_VALUE), s.leases());
  }
}
