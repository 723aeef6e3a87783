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
import java.util.HashSet;
import java.util.List;
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
 * before it writes anything. At the end of the entry, {@link #finish} runs one bounded step of a
 * compaction in progress in the same batch. Used by one thread, for one entry.
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
  private long compactTarget;
  private long cursorRevision;
  private int cursorSub;
  /** What the running compaction step may still examine. */
  private int budget;

  Applier(StoreDb db, StoreLimits limits, MetaState start, ReadOptions latest) {
    this.db = db;
    this.limits = limits;
    this.source = Source.withBatch(db.db, batch, latest);
    this.reads = new Reads(db, source);
    this.revision = start.revision();
    this.compactRevision = start.compactRevision();
    this.dataSize = start.dataSize();
    this.nextLeaseId = start.nextLeaseId();
    this.compactTarget = start.compactTarget();
    this.cursorRevision = start.cursorRevision();
    this.cursorSub = start.cursorSub();
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

  /**
   * Runs a step of the compaction in progress, if any, then records the counters and the compaction
   * cursor after the entry in the batch and returns them.
   */
  MetaState finish(long term, long index) {
    compactStep();
    MetaState next = new MetaState(
        term, index, revision, compactRevision, dataSize, nextLeaseId, compactTarget, cursorRevision, cursorSub);
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
   * Compacts to {@code rev}: from now on no read below it is served, so the history only such reads
   * need may go. That physical work is not done here but in bounded steps at the end of this and the
   * following entries (see {@link #compactStep}); reads do not depend on how far it got. A
   * compaction still in progress continues from its cursor towards the new target.
   */
  private CommandResult compact(long rev) {
    if (rev <= compactRevision) {
      return new CommandResult.Failed(new CompactedException(rev, compactRevision));
    }
    if (rev > revision) {
      return new CommandResult.Failed(new FutureRevisionException(rev, revision));
    }
    if (compactTarget == 0) {
      // events below the previous compact revision are gone: only keys changed since then can have
      // history to drop, and the events since then name them
      cursorRevision = compactRevision;
      cursorSub = 0;
    } else if (cursorRevision == compactTarget) {
      // the events at the old target that the cursor passed were kept for it; revisit them so that
      // they are dropped too (their keys are compacted again, which changes nothing else)
      cursorSub = 0;
    }
    log.info("compacting to revision {} (was {}), data size {}", rev, compactRevision, dataSize);
    compactRevision = rev;
    compactTarget = rev;
    return new CommandResult.Done(revision);
  }

  /**
   * One bounded step of the compaction in progress, run at the end of every entry while there is
   * one. It walks the events from the cursor up to the target: for each key named (once per step),
   * it drops the key's history records at or below the target except the newest, and that one too
   * if it is a deletion; each event below the target is dropped once passed. At most {@code
   * limits.compactionChunk()} history records and events are examined; the cursor (an event key) is
   * recorded in the meta state of this entry. The step is a function of the logical state and the
   * cursor only, so every replica does the same work at the same entry.
   */
  private void compactStep() {
    if (compactTarget == 0) {
      return;
    }
    long target = compactTarget;
    budget = limits.compactionChunk();
    long before = dataSize;
    List<byte[]> staleHistory = new ArrayList<>();
    List<byte[]> staleEvents = new ArrayList<>();
    Set<String> done = new HashSet<>();
    byte[] pauseAt = null;
    // Deleted after iterating: writing to the batch invalidates its iterators' positions.
    try (RocksIterator ev = source.iterator(db.events); RocksIterator hist = source.iterator(db.history)) {
      for (ev.seek(Keys.event(cursorRevision, cursorSub)); ev.isValid(); ev.next()) {
        byte[] ekey = ev.key();
        long r = Keys.eventRevision(ekey);
        if (r > target) {
          break;
        }
        if (budget <= 0) {
          pauseAt = ekey;
          break;
        }
        String key = Records.eventKey(ev.value());
        if (!done.contains(key)) {
          if (!compactKey(hist, Keys.utf8(key), key, target, staleHistory)) {
            pauseAt = ekey;
            break;
          }
          done.add(key);
        }
        budget--;
        if (r < target) {
          staleEvents.add(ekey);
        }
      }
    }
    for (byte[] h : staleHistory) {
      delete(db.history, h);
    }
    for (byte[] e : staleEvents) {
      delete(db.events, e);
    }
    log.debug("compaction step to {}: {} history records and {} events dropped, data size {} -> {}",
        target, staleHistory.size(), staleEvents.size(), before, dataSize);
    if (pauseAt == null) {
      log.info("compacted to revision {}: data size {}", target, dataSize);
      compactTarget = 0;
      cursorRevision = 0;
      cursorSub = 0;
    } else {
      cursorRevision = Keys.eventRevision(pauseAt);
      cursorSub = Keys.eventSub(pauseAt);
    }
  }

  /**
   * Drops the key's records at or below {@code target} except the newest, and that one too if it is
   * a tombstone; in revision order, so a prefix of them is dropped when the budget runs out first.
   *
   * @return false if the budget ran out before the key was done
   */
  private boolean compactKey(RocksIterator it, byte[] kb, String key, long target, List<byte[]> stale) {
    it.seek(Keys.history(kb, 0));
    while (it.isValid() && Keys.isHistoryOf(it.key(), kb)) {
      byte[] hk = it.key();
      long r = Keys.historyRevision(hk);
      if (r > target) {
        return true;
      }
      if (budget <= 0) {
        return false;
      }
      budget--;
      byte[] value = it.value();
      it.next();
      boolean newer = it.isValid() && Keys.isHistoryOf(it.key(), kb) && Keys.historyRevision(it.key()) <= target;
      if (newer || Records.isTombstone(value)) {
        stale.add(hk);
        dataSize -= Records.size(kb, Records.history(key, r, value));
      }
      if (!newer) {
        return true;
      }
    }
    return true;
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
