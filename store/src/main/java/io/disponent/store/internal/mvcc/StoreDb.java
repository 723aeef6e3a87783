package io.disponent.store.internal.mvcc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance and its column families, and every native handle that must be closed with
 * it.
 *
 * <ul>
 *   <li>{@code default}: {@link MetaState} under {@link MetaState#KEY}
 *   <li>{@code current}: key → {@link Records#current} (the newest version of every live key)
 *   <li>{@code history}: key 0x00 revision → put or tombstone record (every retained version)
 *   <li>{@code events}: revision, sub-index → event type and key (the change log watches read)
 *   <li>{@code leases}: lease id → ttl
 *   <li>{@code lease_keys}: lease id, key → empty (the keys attached to each lease)
 * </ul>
 */
final class StoreDb implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private static final long BLOCK_CACHE_BYTES = 64L << 20;

  final RocksDB db;
  final ColumnFamilyHandle meta;
  final ColumnFamilyHandle current;
  final ColumnFamilyHandle history;
  final ColumnFamilyHandle events;
  final ColumnFamilyHandle leases;
  final ColumnFamilyHandle leaseKeys;
  final WriteOptions writeOptions;

  private final List<AutoCloseable> owned;

  private StoreDb(RocksDB db, List<ColumnFamilyHandle> handles, WriteOptions writeOptions, List<AutoCloseable> owned) {
    this.db = db;
    this.meta = handles.get(0);
    this.current = handles.get(1);
    this.history = handles.get(2);
    this.events = handles.get(3);
    this.leases = handles.get(4);
    this.leaseKeys = handles.get(5);
    this.writeOptions = writeOptions;
    this.owned = owned;
  }

  static StoreDb open(Path dir) {
    List<AutoCloseable> owned = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Cache cache = own(owned, new LRUCache(BLOCK_CACHE_BYTES));
      BloomFilter bloom = own(owned, new BloomFilter(10));
      ColumnFamilyOptions plain = own(owned, cfOptions(cache, null));
      ColumnFamilyOptions pointLookups = own(owned, cfOptions(cache, bloom));
      List<ColumnFamilyDescriptor> descriptors = List.of(
          new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, plain),
          new ColumnFamilyDescriptor(name("current"), pointLookups),
          new ColumnFamilyDescriptor(name("history"), plain),
          new ColumnFamilyDescriptor(name("events"), plain),
          new ColumnFamilyDescriptor(name("leases"), pointLookups),
          new ColumnFamilyDescriptor(name("lease_keys"), plain));
      DBOptions dbOptions = own(owned, new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setMaxBackgroundJobs(2)
          .setBytesPerSync(1L << 20));
      WriteOptions writeOptions = own(owned, new WriteOptions().setSync(false));
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      return new StoreDb(db, handles, writeOptions, owned);
    } catch (RocksDBException | java.io.IOException e) {
      closeAll(owned);
      throw new IllegalStateException("cannot open the store at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ColumnFamilyOptions cfOptions(Cache cache, BloomFilter bloom) {
    BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
    if (bloom != null) {
      table.setFilterPolicy(bloom).setWholeKeyFiltering(true);
    }
    return new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION)
        .setLevelCompactionDynamicLevelBytes(true);
  }

  private static byte[] name(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static <T extends AutoCloseable> T own(List<AutoCloseable> owned, T t) {
    owned.add(t);
    return t;
  }

  List<ColumnFamilyHandle> handles() {
    return List.of(meta, current, history, events, leases, leaseKeys);
  }

  @Override
  public void close() {
    for (ColumnFamilyHandle h : handles()) {
      h.close();
    }
    db.close();
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> owned) {
    // Reverse order of creation: the DB options go before the cache and filter they point to.
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception ignored) {
        // native handles do not throw on close
      }
    }
  }
}
