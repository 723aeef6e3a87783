package io.disponent.store.internal.mvcc;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;

/** Where {@link Reads} reads from: a published snapshot, or the database overlaid by a pending batch. */
interface Source {

  /** The value, or null if absent. */
  byte[] get(ColumnFamilyHandle cf, byte[] key);

  /** An iterator the caller closes. */
  RocksIterator iterator(ColumnFamilyHandle cf);

  /** Reads as of the snapshot in {@code options}. */
  static Source snapshot(RocksDB db, ReadOptions options) {
    return new Source() {
      @Override
      public byte[] get(ColumnFamilyHandle cf, byte[] key) {
        try {
          return db.get(cf, options, key);
        } catch (RocksDBException e) {
          throw Source.failed(e);
        }
      }

      @Override
      public RocksIterator iterator(ColumnFamilyHandle cf) {
        return db.newIterator(cf, options);
      }
    };
  }

  /** Reads the latest database state with {@code batch}'s pending writes applied over it. */
  static Source withBatch(RocksDB db, WriteBatchWithIndex batch, ReadOptions options) {
    return new Source() {
      @Override
      public byte[] get(ColumnFamilyHandle cf, byte[] key) {
        try {
          return batch.getFromBatchAndDB(db, cf, options, key);
        } catch (RocksDBException e) {
          throw Source.failed(e);
        }
      }

      @Override
      public RocksIterator iterator(ColumnFamilyHandle cf) {
        // The returned iterator owns the base iterator and closes it with itself.
        return batch.newIteratorWithBase(cf, db.newIterator(cf, options));
      }
    };
  }

  static IllegalStateException failed(RocksDBException e) {
    return new IllegalStateException("store: RocksDB failed: " + e.getMessage(), e);
  }
}
