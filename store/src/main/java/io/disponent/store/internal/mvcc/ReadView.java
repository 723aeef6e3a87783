package io.disponent.store.internal.mvcc;

import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * A published state: the counters after an applied entry and a RocksDB snapshot taken right after
 * that entry's batch was written, so a reader sees exactly that state however many entries are
 * applied meanwhile. Reference-counted: the store holds one reference until it publishes the next
 * view, every reader holds one while it reads; the snapshot is released with the last one.
 */
final class ReadView {
  final MetaState meta;
  final ReadOptions readOptions;
  private final RocksDB db;
  private final Snapshot snapshot;
  private final AtomicInteger refs = new AtomicInteger(1);

  ReadView(RocksDB db, MetaState meta) {
    this.db = db;
    this.meta = meta;
    this.snapshot = db.getSnapshot();
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
  }

  /** Takes a reference; false if the view was already released (the caller re-reads the newer one). */
  boolean retain() {
    while (true) {
      int n = refs.get();
      if (n == 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      readOptions.close();
      db.releaseSnapshot(snapshot);
    }
  }
}
