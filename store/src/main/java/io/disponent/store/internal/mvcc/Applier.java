package io.disponent.store.internal.mvcc;

import io.disponent.store.CompactedException;
import io.disponent.store.Compare;
import io.disponent.store.FutureRevisionException;
import io.disponent.store.InvalidRequestException;
import io.disponent.store.KeyValue;
import io.disponent.store.LeaseGrant;
import io.disponent.store.LeaseNotFoundException;
import io.disponent.store.Op;
import io.disponent.store.OpResult;
import io.disponent.store.QuotaExceededException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the commands of one Raft entry into one indexed write batch. Every read goes through the
 * batch, so a command sees the effects of the commands before it. A refused command is refused
 * before it writes anything. Used by one thread, for one entry.
 */
final class Applier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Applier.class);

  private final StoreDb db;
  private final StoreLimits limits;
  private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
  private final Source source;
  private final Reads reads;
  private final List<WatchEvent> events = new ArrayList<>();

  private long revision;
  private long compactRevision;
  private long dataSize;
  private long nextLeaseId;

  Applier(StoreDb db, StoreLimits limits, MetaState start, ReadOptions latest) {
    this.db = db;
    this.limits = limits;
    this.source = Source.withBatch(db.db, batch, latest);
    this.reads = new Reads(db, source);
    this.revision = start.revision();
    this.compactRevision = start.compactRevision();
    this.dataSize = start.dataSize();
    this.nextLeaseId = start.nextLeaseId();
  }

  CommandResult apply(Command c) {
    if (c instanceof Command.Txn t) {
      return txn(t.request());
    } else if (c instanceof Command.Compact k) {
      return compact(k.revision());
    } else if (c instanceof Command.LeaseGrant g) {
      return leaseGrant(g.ttlSeconds());
    } else if (c instanceof Command.LeaseRevoke v) {
      return leaseRevoke(v.leaseId());
    }
    throw new IllegalArgumentException("unknown command " + c);
  }

  /** Records the counters after the entry in the batch and returns them. */
  MetaState finish(long term, long index) {
    MetaState next = new MetaState(term, index, revision, compactRevision, dataSize, nextLeaseId);
    put(db.meta, MetaState.KEY, next.encode());
    return next;
  }

  WriteBatchWithIndex batch() {
    return batch;
  }

  List<WatchEvent> events() {
    return events;
  }

  // ---- transactions

  private CommandResult txn(TxnRequest t) {
    StoreException invalid = Validation.txn(t, limits);
    if (invalid != null) {
      return new CommandResult.Failed(invalid);
    }
    boolean succeeded = t.compares().stream().allMatch(this::holds);
    List<Op> branch = succeeded ? t.success() : t.failure();
    boolean puts = branch.stream().anyMatch(op -> op instanceof Op.Put);
    if (puts && dataSize > limits.quotaBytes()) {
      return new CommandResult.Failed(new QuotaExceededException(dataSize, limits.quotaBytes()));
    }
    for (Op op : branch) {
      if (op instanceof Op.Put p && p.lease() != 0 && reads.leaseTtl(p.lease()) < 0) {
        return new CommandResult.Failed(new LeaseNotFoundException(p.lease()));
      }
    }
    Revision rev = new Revision(revision + 1);
    List<OpResult> results = new ArrayList<>(branch.size());
    for (Op op : branch) {
      if (op instanceof Op.Put p) {
        KeyValue prev = reads.current(p.key());
        KeyValue kv = prev == null
            ? new KeyValue(p.key(), p.value(), rev.number, rev.number, 1, p.lease())
            : new KeyValue(p.key(), p.value(), prev.createRevision(), rev.number, prev.version() + 1, p.lease());
        writePut(rev, kv, prev);
        results.add(new OpResult.PutResult(prev));
      } else if (op instanceof Op.Delete d) {
        List<KeyValue> prevs = new ArrayList<>();
        reads.current(d.range(), prevs::add);
        for (KeyValue prev : prevs) {
          writeDelete(rev, prev);
        }
        results.add(new OpResult.DeleteResult(prevs));
      }
    }
    rev.commit();
    return new CommandResult.TxnDone(new TxnResponse(succeeded, revision, results));
  }

  private boolean holds(Compare c) {
    KeyValue kv = reads.current(c.key());
    if (c instanceof Compare.Value v) {
      return kv != null && matches(Arrays.compareUnsigned(kv.value(), v.value()), v.op());
    }
    if (c instanceof Compare.ModRevision m) {
      return matches(Long.compare(kv == null ? 0 : kv.modRevision(), m.revision()), m.op());
    } else if (c instanceof Compare.CreateRevision m) {
      return matches(Long.compare(kv == null ? 0 : kv.createRevision(), m.revision()), m.op());
    } else if (c instanceof Compare.Version m) {
      return matches(Long.compare(kv == null ? 0 : kv.version(), m.version()), m.op());
    }
    throw new IllegalArgumentException("unknown compare " + c);
  }

  private static boolean matches(int cmp, Compare.Op op) {
    switch (op) {
      case EQUAL:
        return cmp == 0;
      case NOT_EQUAL:
        return cmp != 0;
      case LESS:
        return cmp < 0;
      case GREATER:
        return cmp > 0;
      default:
        throw new IllegalArgumentException("unknown compare op " + op);
    }
  }

  // ---- leases

  private CommandResult leaseGrant(long ttlSeconds) {
    if (ttlSeconds <= 0) {
      return new CommandResult.Failed(new InvalidRequestException("lease TTL must be positive: " + ttlSeconds));
    }
    long id = nextLeaseId++;
    put(db.leases, Keys.lease(id), Records.lease(ttlSeconds));
    return new CommandResult.Granted(new LeaseGrant(id, ttlSeconds));
  }

  private CommandResult leaseRevoke(long id) {
    if (reads.leaseTtl(id) < 0) {
      return new CommandResult.Failed(new LeaseNotFoundException(id));
    }
    Revision rev = new Revision(revision + 1);
    for (String key : reads.leaseKeys(id)) {
      KeyValue prev = reads.current(key);
      if (prev != null) {
        writeDelete(rev, prev);
      }
    }
    delete(db.leases, Keys.lease(id));
    rev.commit();
    return new CommandResult.Done(revision);
  }

  // ---- compaction

  /**
   * Drops the history no read at or after {@code rev} needs. Only keys changed since the previous
   * compaction can have such history, and the events since then name them, so the work is
   * proportional to the writes since the previous compaction (all of it inside this apply).
   */
  private CommandResult compact(long rev) {
    if (rev <= compactRevision) {
      return new CommandResult.Failed(new CompactedException(rev, compactRevision));
    }
    if (rev > revision) {
      return new CommandResult.Failed(new FutureRevisionException(rev, revision));
    }
    // insertion (event) order: deterministic, and the order of deletes does not matter
    Set<String> changed = new LinkedHashSet<>();
    List<byte[]> staleEvents = new ArrayList<>();
    try (RocksIterator it = source.iterator(db.events)) {
      for (it.seek(Keys.event(compactRevision, 0)); it.isValid(); it.next()) {
        long r = Keys.eventRevision(it.key());
        if (r > rev) {
          break;
        }
        changed.add(Records.eventKey(it.value()));
        if (r < rev) {
          staleEvents.add(it.key());
        }
      }
    }
    for (byte[] e : staleEvents) {
      delete(db.events, e);
    }
    long before = dataSize;
    // Deleted after iterating: writing to the batch invalidates its iterators' positions.
    List<byte[]> staleHistory = new ArrayList<>();
    try (RocksIterator it = source.iterator(db.history)) {
      for (String key : changed) {
        compactKey(it, Keys.utf8(key), key, rev, staleHistory);
      }
    }
    for (byte[] h : staleHistory) {
      delete(db.history, h);
    }
    log.info("compacted to revision {}: {} changed keys, {} history records and {} events dropped, data size {} -> {}",
        rev, changed.size(), staleHistory.size(), staleEvents.size(), before, dataSize);
    compactRevision = rev;
    return new CommandResult.Done(revision);
  }

  /** Keeps the newest version at or before {@code rev} unless it is a tombstone, and every newer one. */
  private void compactKey(RocksIterator it, byte[] kb, String key, long rev, List<byte[]> stale) {
    List<byte[]> keys = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    boolean lastIsTombstone = false;
    for (it.seek(Keys.history(kb, 0)); it.isValid() && Keys.isHistoryOf(it.key(), kb); it.next()) {
      long r = Keys.historyRevision(it.key());
      if (r > rev) {
        break;
      }
      byte[] value = it.value();
      keys.add(it.key());
      sizes.add(Records.size(kb, Records.history(key, r, value)));
      lastIsTombstone = Records.isTombstone(value);
    }
    int drop = lastIsTombstone ? keys.size() : keys.size() - 1;
    for (int i = 0; i < drop; i++) {
      stale.add(keys.get(i));
      dataSize -= sizes.get(i);
    }
  }

  // ---- writes

  /** The revision a command writes at; it becomes the store's revision only if something was written. */
  private final class Revision {
    final long number;
    int nextSub;

    Revision(long number) {
      this.number = number;
    }

    int sub() {
      return nextSub++;
    }

    void commit() {
      if (nextSub > 0) {
        revision = number;
      }
    }
  }

  private void writePut(Revision rev, KeyValue kv, KeyValue prev) {
    byte[] kb = Keys.utf8(kv.key());
    put(db.current, kb, Records.current(kv));
    put(db.history, Keys.history(kb, rev.number), Records.historyPut(kv));
    dataSize += Records.size(kb, kv);
    if (prev != null && prev.lease() != 0 && prev.lease() != kv.lease()) {
      delete(db.leaseKeys, Keys.leaseKey(prev.lease(), kb));
    }
    if (kv.lease() != 0) {
      put(db.leaseKeys, Keys.leaseKey(kv.lease(), kb), new byte[0]);
    }
    put(db.events, Keys.event(rev.number, rev.sub()), Records.event(WatchEvent.Type.PUT, kv.key()));
    events.add(new WatchEvent(WatchEvent.Type.PUT, kv, prev));
  }

  private void writeDelete(Revision rev, KeyValue prev) {
    byte[] kb = Keys.utf8(prev.key());
    delete(db.current, kb);
    put(db.history, Keys.history(kb, rev.number), Records.historyTombstone());
    dataSize += Records.size(kb, null);
    if (prev.lease() != 0) {
      delete(db.leaseKeys, Keys.leaseKey(prev.lease(), kb));
    }
    put(db.events, Keys.event(rev.number, rev.sub()), Records.event(WatchEvent.Type.DELETE, prev.key()));
    events.add(new WatchEvent(WatchEvent.Type.DELETE, Records.deleted(prev.key(), rev.number), prev));
  }

  private void put(org.rocksdb.ColumnFamilyHandle cf, byte[] key, byte[] value) {
    try {
      batch.put(cf, key, value);
    } catch (RocksDBException e) {
      throw Source.failed(e);
    }
  }

  private void delete(org.rocksdb.ColumnFamilyHandle cf, byte[] key) {
    try {
      batch.delete(cf, key);
    } catch (RocksDBException e) {
      throw Source.failed(e);
    }
  }

  @Override
  public void close() {
    batch.close();
  }
}
