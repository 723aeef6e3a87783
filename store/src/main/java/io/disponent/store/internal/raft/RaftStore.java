package io.disponent.store.internal.raft;

import io.disponent.store.InvalidRequestException;
import io.disponent.store.LeaseGrant;
import io.disponent.store.Member;
import io.disponent.store.NoLeaderException;
import io.disponent.store.Op;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.Store;
import io.disponent.store.StoreException;
import io.disponent.store.StoreStatus;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.Watch;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import io.disponent.store.internal.Query;
import io.disponent.store.internal.QueryResult;
import io.disponent.store.internal.codec.Codec;
import io.disponent.store.internal.codec.QueryCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * The {@link Store} over a Ratis client. Writes and linearizable reads are batched (see {@link
 * Batcher}); the Ratis client retries across leader changes with the same call id, so the
 * server's retry cache applies a retried batch at most once.
 *
 * <p>With a replica in this process, linearizable reads are served by it after a ReadIndex round
 * (so large lists do not cross the network), stale reads and watches by its state directly.
 */
public final class RaftStore implements Store {
  private static final long LEASE_RETRIES = 20;
  private static final Duration MEMBERSHIP_DEADLINE = Duration.ofSeconds(60);
  private static final Duration MEMBERSHIP_POLL = Duration.ofMillis(500);

  /** Replaced when Ratis poisons it: after one call fails for good, the rest fail as closed. */
  private final AtomicReference<RaftClient> client;
  private final Supplier<RaftClient> newClient;
  private volatile boolean closed;
  private final RaftGroupId groupId;
  private final List<RaftPeerId> peerIds;
  private final Optional<LocalReplica> local;
  private final Duration timeout;
  private final Executor callbacks;
  private final Runnable onClose;
  private final Batcher<Command, CommandResult> writes;
  private final Batcher<Query, QueryResult> reads;
  private final Batcher<Query, QueryResult> leaderReads;

  RaftStore(Supplier<RaftClient> newClient, RaftGroupId groupId, List<RaftPeerId> peerIds, Optional<LocalReplica> local,
      BatchSettings batching, Duration timeout, Executor callbacks, Runnable onClose) {
    this.onClose = onClose;
    this.newClient = newClient;
    this.client = new AtomicReference<>(newClient.get());
    this.groupId = groupId;
    this.peerIds = List.copyOf(peerIds);
    this.local = local;
    this.timeout = timeout;
    this.callbacks = callbacks;
    RaftPeerId readFrom = local.map(LocalReplica::peerId).orElse(null);
    this.writes = new Batcher<>(batching.writes(), batch -> sendWrite(batch));
    this.reads = new Batcher<>(batching.reads(), batch -> sendRead(batch, readFrom));
    this.leaderReads = new Batcher<>(batching.reads(), batch -> sendRead(batch, null));
  }

  private CompletableFuture<List<CommandResult>> sendWrite(List<Command> batch) {
    Message m = Message.valueOf(UnsafeByteOperations.unsafeWrap(Codec.encodeCommands(batch)));
    RaftClient c = client.get();
    return renewOnClosed(c, c.async().send(m)).thenApply(reply -> Codec.decodeResults(content(reply)));
  }

  private CompletableFuture<List<QueryResult>> sendRead(List<Query> batch, RaftPeerId server) {
    Message m = Message.valueOf(UnsafeByteOperations.unsafeWrap(QueryCodec.encodeQueries(batch)));
    RaftClient c = client.get();
    CompletableFuture<RaftClientReply> sent =
        server == null ? c.async().sendReadOnly(m) : c.async().sendReadOnlyUnordered(m, server);
    return renewOnClosed(c, sent).thenApply(reply -> QueryCodec.decodeResults(content(reply)));
  }

  private CompletableFuture<RaftClientReply> renewOnClosed(RaftClient used, CompletableFuture<RaftClientReply> f) {
    return f.whenComplete((reply, error) -> {
      if (RatisErrors.unwrap(error) instanceof AlreadyClosedException && !closed) {
        renew(used);
      }
    });
  }

  private void renew(RaftClient used) {
    RaftClient fresh = newClient.get();
    if (client.compareAndSet(used, fresh)) {
      closeQuietly(used);
    } else {
      closeQuietly(fresh);
    }
  }

  private static void closeQuietly(RaftClient c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      // it was failing anyway
    }
  }

  private static byte[] content(RaftClientReply reply) {
    if (!reply.isSuccess()) {
      throw new CompletionException(reply.getException() != null
          ? reply.getException() : new IOException("request failed: " + reply));
    }
    return reply.getMessage().getContent().toByteArray();
  }

  /** Completes off the Ratis client's threads, with the store's errors, within the timeout. */
  private <T, R> CompletableFuture<R> finish(CompletableFuture<T> f, Function<T, R> map) {
    return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handleAsync((value, error) -> {
          if (error != null) {
            throw RatisErrors.map(error);
          }
          return map.apply(value);
        }, callbacks);
  }

  private CompletableFuture<CommandResult> write(Command c, int bytes) {
    return writes.submit(c, bytes);
  }

  private static <T> T unwrap(CommandResult r, Class<T> type) {
    if (r instanceof CommandResult.Failed f) {
      throw f.error();
    }
    return type.cast(r);
  }

  private static <T> T unwrap(QueryResult r, Class<T> type) {
    if (r instanceof QueryResult.Failed f) {
      throw f.error();
    }
    if (r instanceof QueryResult.NotLeader n) {
      throw new NoLeaderException("the replica asked does not lead (leader: " + n.leaderId() + ")", null);
    }
    return type.cast(r);
  }

  @Override
  public CompletableFuture<RangeResponse> range(RangeRequest request) {
    Query q = new Query.Range(request);
    if (request.serializable() && local.isPresent()) {
      try {
        QueryResult r = local.get().stateMachine().answer(q);
        return CompletableFuture.completedFuture(unwrap(r, QueryResult.Ranged.class).response());
      } catch (StoreException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return finish(reads.submit(q, 64), r -> unwrap(r, QueryResult.Ranged.class).response());
  }

  @Override
  public CompletableFuture<TxnResponse> txn(TxnRequest request) {
    return finish(write(new Command.Txn(request), estimate(request)),
        r -> unwrap(r, CommandResult.TxnDone.class).response());
  }

  private static int estimate(TxnRequest t) {
    int bytes = 16;
    for (List<Op> branch : List.of(t.success(), t.failure())) {
      for (Op op : branch) {
        bytes += op instanceof Op.Put p ? p.key().length() + p.value().length + 16 : 64;
      }
    }
    return bytes + 48 * t.compares().size();
  }

  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    if (local.isEmpty()) {
      throw new InvalidRequestException("watch needs a store replica in this process");
    }
    return local.get().stateMachine().watchHub().watch(request, listener);
  }

  @Override
  public CompletableFuture<Void> compact(long revision) {
    return finish(write(new Command.Compact(revision), 16), r -> {
      unwrap(r, CommandResult.Done.class);
      return null;
    });
  }

  @Override
  public CompletableFuture<LeaseGrant> leaseGrant(long ttlSeconds) {
    return finish(write(new Command.LeaseGrant(ttlSeconds), 16), r -> unwrap(r, CommandResult.Granted.class).grant());
  }

  @Override
  public CompletableFuture<Long> leaseKeepAlive(long leaseId) {
    return keepAlive(leaseId, 0);
  }

  /** Only the leader knows deadlines; during a leader change the client may ask a follower. */
  private CompletableFuture<Long> keepAlive(long leaseId, int attempt) {
    return finish(leaderReads.submit(new Query.LeaseKeepAlive(leaseId), 16), r -> r)
        .thenCompose(r -> {
          if (r instanceof QueryResult.NotLeader && attempt < LEASE_RETRIES) {
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, callbacks))
                .thenCompose(x -> keepAlive(leaseId, attempt + 1));
          }
          return CompletableFuture.completedFuture(unwrap(r, QueryResult.KeptAlive.class).ttlSeconds());
        });
  }

  @Override
  public CompletableFuture<Void> leaseRevoke(long leaseId) {
    return finish(write(new Command.LeaseRevoke(leaseId), 16), r -> {
      unwrap(r, CommandResult.Done.class);
      return null;
    });
  }

  @Override
  public CompletableFuture<List<Member>> members() {
    return CompletableFuture.supplyAsync(this::currentMembers, callbacks);
  }

  private List<Member> currentMembers() {
    List<RaftPeerId> ask = local.map(l -> List.of(l.peerId())).orElse(peerIds);
    IOException last = null;
    for (RaftPeerId peer : ask) {
      try {
        return toMembers(client.get().getGroupManagementApi(peer).info(groupId).getGroup().getPeers());
      } catch (IOException e) {
        last = e;
      }
    }
    throw new NoLeaderException("no replica answered for the membership", last);
  }

  private static List<Member> toMembers(java.util.Collection<RaftPeer> peers) {
    List<Member> out = new ArrayList<>();
    for (RaftPeer p : peers) {
      out.add(new Member(p.getId().toString(), p.getAddress()));
    }
    out.sort(java.util.Comparator.comparing(Member::id));
    return out;
  }

  @Override
  public CompletableFuture<Void> addMember(Member member) {
    return admin(SetConfigurationRequest.Arguments.newBuilder()
        .setServersInNewConf(List.of(RaftConfig.peer(member)))
        .setMode(SetConfigurationRequest.Mode.ADD)
        .build(), now -> now.stream().anyMatch(m -> m.id().equals(member.id())));
  }

  @Override
  public CompletableFuture<Void> removeMember(String memberId) {
    return members().thenCompose(current -> {
      List<RaftPeer> remaining = current.stream()
          .filter(m -> !m.id().equals(memberId))
          .map(RaftConfig::peer)
          .toList();
      if (remaining.size() == current.size()) {
        return CompletableFuture.failedFuture(new InvalidRequestException("no member " + memberId));
      }
      return admin(SetConfigurationRequest.Arguments.newBuilder().setServersInNewConf(remaining).build(),
          now -> now.stream().noneMatch(m -> m.id().equals(memberId)));
    });
  }

  /**
   * A membership change. Ratis refuses a second change while one is still catching a new member up, and its
   * client's retries of the first call land there too; so while that is the answer, this waits until
   * {@code done} holds for the membership or {@link #MEMBERSHIP_DEADLINE} passes.
   */
  private CompletableFuture<Void> admin(SetConfigurationRequest.Arguments args, Predicate<List<Member>> done) {
    return CompletableFuture.runAsync(() -> {
      long deadline = System.nanoTime() + MEMBERSHIP_DEADLINE.toNanos();
      while (true) {
        try {
          RaftClientReply reply = client.get().admin().setConfiguration(args);
          if (reply.isSuccess()) {
            return;
          }
          throw RatisErrors.map(reply.getException());
        } catch (IOException | StoreException e) {
          if (!RatisErrors.reconfiguring(e) || System.nanoTime() > deadline) {
            throw RatisErrors.map(e);
          }
          if (pauseThenCheck(done)) {
            return;
          }
        }
      }
    }, callbacks);
  }

  private boolean pauseThenCheck(Predicate<List<Member>> done) {
    try {
      Thread.sleep(MEMBERSHIP_POLL.toMillis());
      return done.test(currentMembers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoLeaderException("interrupted while the membership changes", e);
    } catch (NoLeaderException e) {
      return false;
    }
  }

  @Override
  public CompletableFuture<StoreStatus> status() {
    if (local.isPresent()) {
      return CompletableFuture.completedFuture(RaftConfig.status(local.get()));
    }
    return finish(leaderReads.submit(new Query.Status(), 8), r -> unwrap(r, QueryResult.Status.class).status());
  }

  @Override
  public void close() {
    closed = true;
    writes.close();
    reads.close();
    leaderReads.close();
    try {
      client.get().close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      onClose.run();
    }
  }
}
