package io.disponent.store.internal.raft;

import io.disponent.store.LeaseGrant;
import io.disponent.store.StoreClosedException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreLimits;
import io.disponent.store.StoreStatus;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import io.disponent.store.internal.EventSource;
import io.disponent.store.internal.Query;
import io.disponent.store.internal.QueryResult;
import io.disponent.store.internal.codec.Codec;
import io.disponent.store.internal.codec.QueryCodec;
import io.disponent.store.internal.mvcc.ApplyResult;
import io.disponent.store.internal.mvcc.MvccStore;
import io.disponent.store.internal.watch.WatchHub;
import io.disponent.store.internal.watch.WatchHubConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated state machine: decodes each log entry's batch of commands, applies it to the
 * RocksDB MVCC store, publishes the resulting events to local watchers, and answers queries.
 *
 * <p>The live database lives outside Ratis's snapshot directory (see {@link CheckpointStorage}).
 * Its applied index is written in the same WriteBatch as the data, so an entry that Ratis replays
 * after a restart (it replays from the last snapshot) is recognised and skipped.
 *
 * <p>Threads: Ratis calls {@code applyTransaction} from one thread, in log order; queries come
 * concurrently. {@code mvcc} is swapped only while paused for a snapshot install.
 */
public final class StoreStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(StoreStateMachine.class);

  private final Path liveDir;
  private final StoreLimits limits;
  private final CheckpointStorage storage = new CheckpointStorage();
  private final Lessor lessor = new Lessor(System::nanoTime);
  /** Replaced, with every watch cancelled, when a snapshot replaces the state. */
  private volatile WatchHub hub;
  private final Supplier<StoreStatus> statusSupplier;
  private volatile MvccStore mvcc;

  public StoreStateMachine(Path liveDir, StoreLimits limits, Supplier<StoreStatus> statusSupplier) {
    this.liveDir = liveDir;
    this.limits = limits;
    this.statusSupplier = statusSupplier;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
    super.initialize(server, groupId, raftStorage);
    getLifeCycle().startAndTransition(() -> {
      storage.init(raftStorage);
      openLive();
      hub = new WatchHub(new CurrentSource(), WatchHubConfig.DEFAULT, Clock.systemUTC());
    });
  }

  /** Opens the live database, first rebuilding it from the newest snapshot if it is older. */
  private void openLive() throws IOException {
    Files.createDirectories(liveDir.getParent());
    MvccStore opened = MvccStore.open(liveDir, limits);
    var snapshot = storage.getLatestSnapshot();
    if (snapshot != null && opened.appliedIndex() < snapshot.getIndex()) {
      LOG.info("live state at index {} is older than snapshot {}: restoring from it", opened.appliedIndex(),
          snapshot.getTermIndex());
      opened.close();
      LiveDirectory.restore(storage.latestDir().orElseThrow(), liveDir);
      opened = MvccStore.open(liveDir, limits);
    }
    mvcc = opened;
    // Ratis replays from the snapshot index; entries up to the live index are skipped by MvccStore.
    setLastAppliedTermIndex(snapshot != null ? snapshot.getTermIndex() : TermIndex.INITIAL_VALUE);
    LOG.info("opened store at revision {}, applied index {}", opened.revision(), opened.appliedIndex());
  }

  MvccStore mvcc() {
    MvccStore m = mvcc;
    if (m == null) {
      throw new StoreClosedException();
    }
    return m;
  }

  public WatchHub watchHub() {
    WatchHub h = hub;
    if (h == null) {
      throw new StoreClosedException();
    }
    return h;
  }

  Lessor lessor() {
    return lessor;
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return storage;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    List<Command> commands = Codec.decodeCommands(entry.getStateMachineLogEntry().getLogData().toByteArray());
    ApplyResult result = mvcc().apply(entry.getTerm(), entry.getIndex(), commands);
    afterApply(commands, result);
    updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    return CompletableFuture.completedFuture(
        Message.valueOf(UnsafeByteOperations.unsafeWrap(Codec.encodeResults(result.results()))));
  }

  private void afterApply(List<Command> commands, ApplyResult result) {
    List<CommandResult> results = result.results();
    for (int i = 0; i < results.size(); i++) {
      CommandResult r = results.get(i);
      if (r instanceof CommandResult.Granted g) {
        LeaseGrant grant = g.grant();
        lessor.granted(grant.id(), grant.ttlSeconds());
      } else if (r instanceof CommandResult.Done && commands.get(i) instanceof Command.LeaseRevoke revoke) {
        lessor.revoked(revoke.leaseId());
      }
    }
    WatchHub h = hub;
    if (!results.isEmpty() && h != null) {
      h.publish(result.events(), result.revision());
    }
  }

  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    // Replayed configuration entries may precede the live index; the applied index only grows.
    TermIndex current = getLastAppliedTermIndex();
    if (current == null || index > current.getIndex()) {
      updateLastAppliedTermIndex(term, index);
    }
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    try {
      List<Query> queries = QueryCodec.decodeQueries(request.getContent().toByteArray());
      List<QueryResult> results = new ArrayList<>(queries.size());
      for (Query q : queries) {
        results.add(answer(q));
      }
      return CompletableFuture.completedFuture(
          Message.valueOf(UnsafeByteOperations.unsafeWrap(QueryCodec.encodeResults(results))));
    } catch (RuntimeException e) {
      // Anything but a StateMachineException would be retried on every replica as a transport error.
      return CompletableFuture.failedFuture(new StateMachineException(getId() + ": query failed: " + e, e));
    }
  }

  @Override
  public CompletableFuture<Message> queryStale(Message request, long minIndex) {
    return query(request);
  }

  QueryResult answer(Query q) {
    try {
      if (q instanceof Query.Range r) {
        return new QueryResult.Ranged(mvcc().range(r.request()));
      } else if (q instanceof Query.LeaseKeepAlive k) {
        return lessor.keepAlive(k.leaseId(), statusSupplier.get().leaderId());
      } else if (q instanceof Query.Status) {
        return new QueryResult.Status(statusSupplier.get());
      }
      throw new IllegalArgumentException("unknown query " + q);
    } catch (StoreException e) {
      return new QueryResult.Failed(e);
    }
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex ti = getLastAppliedTermIndex();
    if (ti == null || ti.getIndex() <= 0) {
      return RaftLog.INVALID_LOG_INDEX;
    }
    Path target = storage.pathFor(ti);
    if (!Files.exists(target)) {
      // Taken on the apply thread, so the checkpoint holds exactly the state through ti (or, while
      // replaying, a later state: replaying that again is skipped by the applied index).
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      if (Files.exists(tmp)) {
        org.apache.ratis.util.FileUtils.deleteFully(tmp);
      }
      mvcc().checkpoint(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      storage.published();
      LOG.info("snapshot {} taken at revision {}", ti, mvcc().revision());
    }
    return ti.getIndex();
  }

  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    MvccStore m = mvcc;
    mvcc = null;
    if (m != null) {
      m.close();
    }
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  @Override
  public void reinitialize() throws IOException {
    getLifeCycle().transition(LifeCycle.State.STARTING);
    storage.reload();
    var snapshot = storage.getLatestSnapshot();
    LOG.info("installing snapshot {} as the live state", snapshot == null ? null : snapshot.getTermIndex());
    if (mvcc != null) {
      mvcc.close();
      mvcc = null;
    }
    if (snapshot != null) {
      LiveDirectory.restore(storage.latestDir().orElseThrow(), liveDir);
    }
    openLive();
    WatchHub old = hub;
    hub = new WatchHub(new CurrentSource(), WatchHubConfig.DEFAULT, Clock.systemUTC());
    old.cancelAll("the replica's state was replaced by a snapshot from the leader");
    old.close();
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  @Override
  public void notifyLeaderReady() {
    MvccStore m = mvcc;
    if (m != null) {
      lessor.becomeLeader(m.leases());
    }
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId memberId, RaftPeerId newLeaderId) {
    LOG.info("replica {}: leader is {}", memberId.getPeerId(), newLeaderId == null ? "unknown" : newLeaderId);
    if (!memberId.getPeerId().equals(newLeaderId)) {
      lessor.stepDown();
    }
  }

  @Override
  public void close() throws IOException {
    // Ratis closes the state machine with the server, and Replica.close() once more.
    WatchHub h = hub;
    hub = null;
    if (h != null) {
      h.close();
    }
    MvccStore m = mvcc;
    mvcc = null;
    if (m != null) {
      m.close();
    }
    super.close();
  }

  /** The watch hub's view of whichever MVCC store is live. */
  private final class CurrentSource implements EventSource {
    @Override
    public long revision() {
      return mvcc().revision();
    }

    @Override
    public long compactRevision() {
      return mvcc().compactRevision();
    }

    @Override
    public List<WatchEvent> events(long fromRevision, long toRevision, int maxEvents) {
      return mvcc().events(fromRevision, toRevision, maxEvents);
    }
  }
}
