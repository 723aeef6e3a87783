package io.disponent.store.internal.mvcc;

import io.disponent.store.CompactedException;
import io.disponent.store.FutureRevisionException;
import io.disponent.store.KeyValue;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.StoreClosedException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreLimits;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import io.disponent.store.internal.EventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.rocksdb.Checkpoint;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The etcd-semantics MVCC key space on RocksDB: the deterministic state behind the Raft state
 * machine. Replicas that apply the same entries in the same order hold the same logical state.
 *
 * <p>Threads: {@link #apply} is called by one thread at a time (the state machine's); every other
 * method may be called from any thread at any time. What guards what:
 *
 * <ul>
 *   <li>{@code applyLock} serializes {@link #apply}, {@link #checkpoint} and {@link #close}, so a
 *       checkpoint holds exactly the state of the last applied entry.
 *   <li>{@code view} (volatile) is the published state: the counters of the last applied entry and a
 *       RocksDB snapshot taken after its batch was written. It is replaced only after the batch is
 *       written, so readers never see half an entry; each read runs on one view (see {@link ReadView}).
 *   <li>{@code closeLock}: reads and applies hold its read lock, {@link #close} its write lock, so the
 *       native handles are never freed under a reader.
 * </ul>
 *
 * <p>Entries are written with {@code sync=false}: the Raft log is the durable record, and a replica
 * that lost its newest applied entries in a crash re-applies them from the log ({@link
 * #appliedIndex()} is written in the same batch as the changes).
 */
public final class MvccStore implements EventSource, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MvccStore.class);

  private final StoreDb db;
  private final StoreLimits limits;
  private final ReadOptions latest = new ReadOptions();
  private final ReentrantLock applyLock = new ReentrantLock();
  private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();
  private volatile ReadView view;
  private boolean closed;

  private MvccStore(StoreDb db, StoreLimits limits, MetaState meta) {
    this.db = db;
    this.limits = limits;
    this.view = new ReadView(db.db, meta);
  }

  /** Opens the store at {@code dir}, creating it if it does not exist. */
  public static MvccStore open(Path dir, StoreLimits limits) {
    StoreDb db = StoreDb.open(dir);
    try {
      byte[] rec = db.db.get(db.meta, MetaState.KEY);
      MetaState meta = rec == null ? MetaState.EMPTY : MetaState.decode(rec);
      log.info("opened store at {}: applied {}:{}, revision {}, compacted {}{}, data size {}", dir,
          meta.appliedTerm(), meta.appliedIndex(), meta.revision(), meta.compactRevision(),
          meta.compacting() ? " (compaction in progress)" : "", meta.dataSize());
      return new MvccStore(db, limits, meta);
    } catch (RocksDBException | RuntimeException e) {
      db.close();
      throw e instanceof RocksDBException r ? Source.failed(r) : (RuntimeException) e;
    }
  }

  /** The index of the last applied Raft entry; 0 when new. */
  public long appliedIndex() {
    return view.meta.appliedIndex();
  }

  /** The term of the last applied Raft entry; 0 when new. */
  public long appliedTerm() {
    return view.meta.appliedTerm();
  }

  /** The store's revision: 0 when empty, and the first write makes it 1. */
  @Override
  public long revision() {
    return view.meta.revision();
  }

  @Override
  public long compactRevision() {
    return view.meta.compactRevision();
  }

  /** Whether a compaction's physical work is still under way (for tests and diagnostics). */
  boolean compactionInProgress() {
    return view.meta.compacting();
  }

  /**
   * The logical size the quota is checked against: for every retained history record (each
   * version and deletion of each key), its key and value bytes plus a fixed overhead. Grows with
   * every write, shrinks as compaction drops records (step by step, over the entries after the
   * compaction); the same on every replica at the same index.
   */
  public long dataSize() {
    return view.meta.dataSize();
  }

  /** The size of RocksDB's live files and memtables; differs between replicas. */
  public long diskSize() {
    return read(v -> {
      try {
        return db.db.getAggregatedLongProperty("rocksdb.total-sst-files-size")
            + db.db.getAggregatedLongProperty("rocksdb.cur-size-all-mem-tables");
      } catch (RocksDBException e) {
        throw Source.failed(e);
      }
    });
  }

  /**
   * Applies one Raft entry's commands in order, in one RocksDB write batch that also records
   * {@code (term, index)} and the counters. An entry with {@code index <= appliedIndex()} was
   * applied before: it changes nothing and returns no results and no events. A compaction takes
   * effect logically in the entry that applies it; its physical work (dropping history and events)
   * runs in bounded steps at the end of that entry and the following ones, at most {@link
   * StoreLimits#compactionChunk()} records each, in the same batch, so every replica does the same
   * work at the same index and no apply stalls on a large compaction.
   *
   * @return one result per command, and every change made, with {@code prevKv} filled in
   * @throws IllegalStateException if RocksDB fails; nothing of the entry is applied then, and the
   *     state machine should stop rather than skip the entry
   */
  public ApplyResult apply(long term, long index, List<Command> commands) {
    applyLock.lock();
    closeLock.readLock().lock();
    try {
      ensureOpen();
      MetaState meta = view.meta;
      if (index <= meta.appliedIndex()) {
        log.debug("skipping entry {}:{}, already applied up to {}", term, index, meta.appliedIndex());
        return new ApplyResult(List.of(), List.of(), meta.revision());
      }
      try (Applier applier = new Applier(db, limits, meta, latest)) {
        List<CommandResult> results = new ArrayList<>(commands.size());
        for (Command c : commands) {
          results.add(applier.apply(c));
        }
        MetaState next = applier.finish(term, index);
        db.db.write(db.writeOptions, applier.batch());
        publish(new ReadView(db.db, next));
        return new ApplyResult(results, applier.events(), next.revision());
      } catch (RocksDBException e) {
        throw Source.failed(e);
      }
    } finally {
      closeLock.readLock().unlock();
      applyLock.unlock();
    }
  }

  private void publish(ReadView next) {
    ReadView old = view;
    view = next;
    old.release();
  }

  /**
   * Reads keys at the current revision ({@code revision == 0}) or a past one.
   *
   * @throws CompactedException if the revision is below {@link #compactRevision()}
   * @throws FutureRevisionException if it is above {@link #revision()}
   * @throws io.disponent.store.InvalidRequestException if the range is malformed
   */
  public RangeResponse range(RangeRequest r) {
    StoreException invalid = Validation.range(r.range(), limits);
    if (invalid != null) {
      throw invalid;
    }
    return read(v -> {
      long current = v.meta.revision();
      long rev = r.revision() == 0 ? current : r.revision();
      if (rev > current) {
        throw new FutureRevisionException(rev, current);
      }
      checkCompacted(rev, v.meta.compactRevision());
      List<KeyValue> kvs = new ArrayList<>();
      long[] count = {0};
      java.util.function.Predicate<KeyValue> collect = kv -> {
        count[0]++;
        if (!r.countOnly() && (r.limit() == 0 || kvs.size() < r.limit())) {
          kvs.add(kv);
        }
        return true;
      };
      Reads reads = new Reads(db, Source.snapshot(db.db, v.readOptions));
      if (rev == current) {
        reads.current(r.range(), collect);
      } else {
        reads.history(r.range(), rev, collect);
      }
      boolean more = !r.countOnly() && r.limit() > 0 && count[0] > r.limit();
      return new RangeResponse(kvs, count[0], more, current);
    });
  }

  @Override
  public List<WatchEvent> events(long fromRevision, long toRevision, int maxEvents) {
    return read(v -> {
      checkCompacted(fromRevision, v.meta.compactRevision());
      long to = Math.min(toRevision, v.meta.revision());
      if (fromRevision > to) {
        return List.of();
      }
      return new Reads(db, Source.snapshot(db.db, v.readOptions)).events(fromRevision, to, maxEvents, v.meta.compactRevision());
    });
  }

  private static void checkCompacted(long rev, long compactRevision) {
    if (compactRevision > 0 && rev < compactRevision) {
      throw new CompactedException(rev, compactRevision);
    }
  }

  /** Every live lease: id → ttl in seconds, by id. */
  public Map<Long, Long> leases() {
    return read(v -> {
      Map<Long, Long> out = new TreeMap<>();
      try (RocksIterator it = db.db.newIterator(db.leases, v.readOptions)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          out.put(Keys.getLong(it.key(), 0), Records.leaseTtl(it.value()));
        }
      }
      return Collections.unmodifiableMap(out);
    });
  }

  /**
   * Writes a RocksDB checkpoint (hard-linked files where possible) to {@code target}, which must not
   * exist. It holds the state of the last entry applied before this call; opening it with {@link
   * #open} gives that entry's {@link #appliedIndex()}.
   */
  public void checkpoint(Path target) {
    applyLock.lock();
    closeLock.readLock().lock();
    try {
      ensureOpen();
      if (Files.exists(target)) {
        throw new IllegalArgumentException("checkpoint target exists: " + target);
      }
      try (Checkpoint cp = Checkpoint.create(db.db)) {
        cp.createCheckpoint(target.toString());
      } catch (RocksDBException e) {
        throw Source.failed(e);
      }
      log.info("checkpoint of entry {}:{} at {}", view.meta.appliedTerm(), view.meta.appliedIndex(), target);
    } finally {
      closeLock.readLock().unlock();
      applyLock.unlock();
    }
  }

  private <T> T read(Function<ReadView, T> f) {
    closeLock.readLock().lock();
    try {
      ensureOpen();
      ReadView v = view;
      while (!v.retain()) {
        v = view;
      }
      try {
        return f.apply(v);
      } finally {
        v.release();
      }
    } finally {
      closeLock.readLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreClosedException();
    }
  }

  /** Closes the database; waits for running reads. Idempotent. */
  @Override
  public void close() {
    applyLock.lock();
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      view.release();
      latest.close();
      db.close();
      log.info("closed store");
    } finally {
      closeLock.writeLock().unlock();
      applyLock.unlock();
    }
  }
}
