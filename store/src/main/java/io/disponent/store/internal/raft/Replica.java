package io.disponent.store.internal.raft;

import io.disponent.store.Member;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.Store;
import io.disponent.store.StoreReplica;
import io.disponent.store.StoreStatus;
import io.disponent.store.internal.DaemonThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running replica: the Ratis server with the store's state machine, a client bound to it, and
 * the leader's chores (revoking expired leases, auto-compaction).
 */
public final class Replica implements StoreReplica {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

  private final ReplicaConfig config;
  private final RaftServer server;
  private final StoreStateMachine stateMachine;
  private final RaftStore store;
  private final LocalReplica local;
  private final ExecutorService callbacks;
  private final ScheduledExecutorService chores;
  private final LeaderChores leaderChores;

  private Replica(ReplicaConfig config, RaftServer server, StoreStateMachine sm, LocalReplica local,
      RaftStore store, ExecutorService callbacks, ScheduledExecutorService chores) {
    this.config = config;
    this.server = server;
    this.stateMachine = sm;
    this.local = local;
    this.store = store;
    this.callbacks = callbacks;
    this.chores = chores;
    this.leaderChores = new LeaderChores(store, sm, config.tuning(), java.time.Clock.systemUTC());
  }

  /** A data dir that holds another cluster's group is a configuration mistake, not a new cluster to format. */
  private static void refuseOtherCluster(Path raftDir, RaftGroupId groupId) throws IOException {
    try (var dirs = Files.list(raftDir)) {
      List<String> others = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
          .filter(n -> n.matches("[0-9a-f-]{36}") && !n.equals(groupId.getUuid().toString())).toList();
      if (!others.isEmpty()) {
        throw new IOException("store: " + raftDir + " holds the Raft group " + others
            + " of another cluster name than this one's (" + groupId.getUuid() + "); check --cluster");
      }
    }
  }

  public static Replica start(ReplicaConfig config) throws IOException {
    Path raftDir = config.dataDir().resolve("raft");
    Path kvDir = config.dataDir().resolve("kv");
    Files.createDirectories(raftDir);
    RaftGroupId groupId = RaftConfig.groupId(config.tuning().cluster());
    boolean known = Files.exists(raftDir.resolve(groupId.getUuid().toString()));
    refuseOtherCluster(raftDir, groupId);
    AtomicReference<LocalReplica> self = new AtomicReference<>();
    StoreStateMachine sm = new StoreStateMachine(kvDir, config.limits(), () -> RaftConfig.status(self.get()));
    RaftPeerId peerId = RaftPeerId.valueOf(config.self().id());
    RaftServer server = RaftServer.newBuilder()
        .setServerId(peerId)
        .setStateMachine(sm)
        .setProperties(RaftConfig.serverProperties(config.self(), raftDir, config.transport(), config.tuning()))
        .setGroup(RaftConfig.group(config.peers(), config.tuning().cluster()))
        .setOption(known ? RaftStorage.StartupOption.RECOVER : RaftStorage.StartupOption.FORMAT)
        .build();
    server.start();
    LocalReplica local = new LocalReplica(server, groupId, peerId, sm);
    self.set(local);
    ExecutorService callbacks = Executors.newFixedThreadPool(4, DaemonThreads.named("store-" + peerId + "-callback"));
    RaftStore store = new RaftStore(
        () -> RaftConfig.newClient(config.peers(), config.transport(), config.tuning()),
        groupId, RaftConfig.peerIds(config.peers()), Optional.of(local),
        BatchSettings.of(config.tuning()), config.tuning().requestTimeout(), callbacks, () -> {});
    ScheduledExecutorService chores =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("store-" + peerId + "-chores"));
    Replica replica = new Replica(config, server, sm, local, store, callbacks, chores);
    chores.scheduleWithFixedDelay(replica.leaderChores::run, 250, 250, TimeUnit.MILLISECONDS);
    LOG.info("replica {} started at {} ({} data dir {})", peerId, config.self().address(),
        known ? "existing" : "new", config.dataDir());
    if (config.peers().size() == 1) {
      // Alone, it elects itself at once; a request sent before that gets NotLeader, on which the
      // Ratis client resets its channel and stalls for seconds.
      replica.awaitLeader(config.tuning().requestTimeout());
    }
    return replica;
  }

  @Override
  public Store store() {
    return store;
  }

  @Override
  public Member self() {
    return config.self();
  }

  @Override
  public StoreStatus status() {
    return RaftConfig.status(local);
  }

  @Override
  public boolean awaitLeader(java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (hasLeader()) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Override
  public boolean hasLeader() {
    try {
      var info = server.getDivision(local.groupId()).getInfo();
      return info.getLeaderId() != null && (!info.isLeader() || info.isLeaderReady());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public boolean isLeader() {
    try {
      return server.getDivision(local.groupId()).getInfo().isLeader();
    } catch (IOException e) {
      return false;
    }
  }

  private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(10);

  @Override
  public void close() {
    chores.shutdownNow();
    store.close();
    // Ratis waits without a deadline for the gRPC server's calls to end; one stuck stream (seen under
    // load in ReplicationIT) would hang the close, and with it a SIGTERM'd `disponent up`. Its
    // listener is closed first, so going on after a bounded wait frees the port all the same.
    Thread closer = new Thread(() -> {
      try {
        server.close();
      } catch (IOException e) {
        LOG.warn("closing replica {}", config.self().id(), e);
      }
    }, "replica-close-" + config.self().id());
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive()) {
      LOG.warn("replica {}: the Raft server did not finish closing within {} s (a gRPC call is stuck); going on",
          config.self().id(), CLOSE_WAIT.toSeconds());
    }
    callbacks.shutdownNow();
    try {
      stateMachine.close();
    } catch (IOException e) {
      LOG.warn("closing state machine of {}", config.self().id(), e);
    }
  }
}
