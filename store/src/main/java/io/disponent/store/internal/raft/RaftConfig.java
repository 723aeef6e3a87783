package io.disponent.store.internal.raft;

import io.disponent.store.Member;
import io.disponent.store.StoreStatus;
import io.disponent.store.StoreTuning;
import io.disponent.store.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/** How Disponent sets Ratis up: one Raft group, its properties, and clients for it. */
public final class RaftConfig {
  private RaftConfig() {}

  /** The Raft group of an unnamed cluster (and of every store created before clusters had names). */
  public static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.nameUUIDFromBytes("disponent-store".getBytes(StandardCharsets.UTF_8)));

  /** Each store cluster is one Raft group, its id derived from the cluster's name. */
  public static RaftGroupId groupId(String cluster) {
    return cluster.isEmpty() ? GROUP_ID
        : RaftGroupId.valueOf(UUID.nameUUIDFromBytes(("disponent-store/" + cluster).getBytes(StandardCharsets.UTF_8)));
  }

  private static final TimeDuration RETRY_SLEEP = TimeDuration.valueOf(100, TimeUnit.MILLISECONDS);

  static RaftPeer peer(Member m) {
    return RaftPeer.newBuilder().setId(m.id()).setAddress(m.address()).build();
  }

  static RaftGroup group(List<Member> members, String cluster) {
    return RaftGroup.valueOf(groupId(cluster), members.stream().map(RaftConfig::peer).toList());
  }

  static int port(String address) {
    return Integer.parseInt(address.substring(colon(address) + 1));
  }

  /** The host part of host:port, without the brackets of an IPv6 literal ([::1]:2380). */
  static String host(String address) {
    String host = address.substring(0, colon(address));
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static int colon(String address) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("address must be host:port: " + address);
    }
    return colon;
  }

  static void setTransport(RaftProperties p, Transport transport) {
    RaftConfigKeys.Rpc.setType(p, transport == Transport.NETTY ? SupportedRpcType.NETTY : SupportedRpcType.GRPC);
  }

  static final int SNAPSHOT_CHUNK_MB = 1;
  static final int SNAPSHOT_CHUNKS_IN_FLIGHT = 64;

  static RaftProperties serverProperties(Member self, Path raftDir, Transport transport, StoreTuning t) {
    RaftProperties p = new RaftProperties();
    setTransport(p, transport);
    int port = port(self.address());
    // Bind only the member's own address (Ratis binds every interface unless given a host); the
    // gRPC admin and client services share this listener and inherit its host.
    String host = host(self.address());
    if (transport == Transport.NETTY) {
      NettyConfigKeys.Server.setHost(p, host);
      NettyConfigKeys.Server.setPort(p, port);
    } else {
      GrpcConfigKeys.Server.setHost(p, host);
      GrpcConfigKeys.Server.setPort(p, port);
    }
    RaftServerConfigKeys.setStorageDir(p, List.of(raftDir.toFile()));
    long min = t.electionTimeoutMin().toMillis();
    RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(min, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(min * 2, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, TimeDuration.valueOf(min / 4, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, TimeDuration.valueOf(min / 2, TimeUnit.MILLISECONDS));
    // Linearizable reads by ReadIndex, answered without a heartbeat round while the leader's lease holds.
    RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setLeaderLeaseEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, t.snapshotEveryEntries());
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    // No extra log entry each time the commit index moves (it cost ~40% of write throughput here).
    // Only committed entries ever reach RocksDB, and a restarted replica learns the commit index
    // from the leader, so nothing acknowledged depends on it.
    RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf("32MB"));
    RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf("9MB"));
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf("8MB"));
    RaftServerConfigKeys.Log.Appender.setSnapshotChunkSizeMax(p, SizeInBytes.valueOf(SNAPSHOT_CHUNK_MB + "MB"));
    // A snapshot is a RocksDB checkpoint of a dozen files or more, one chunk each at least. With Ratis' window of
    // 8 unanswered chunks, the install to a member re-added at its old address stalled at chunk 8 for 20-30 s (until
    // the stream timed out and was retried); a wider window sends the whole snapshot at once. It bounds what a
    // leader buffers per installing follower to SNAPSHOT_CHUNKS_IN_FLIGHT x SNAPSHOT_CHUNK_MB.
    GrpcConfigKeys.Server.setInstallSnapshotRequestElementLimit(p, SNAPSHOT_CHUNKS_IN_FLIGHT);
    // Replicate as soon as an entry is there instead of waiting to fill a batch: our batching is
    // done before Raft, per entry.
    RaftServerConfigKeys.Log.Appender.setWaitTimeMin(p, TimeDuration.ZERO);
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf("64MB"));
    GrpcConfigKeys.Server.setLeaderOutstandingAppendsMax(p, 256);
    // Wait a good while for a lagging member that is catching up before it counts for majority.
    RaftServerConfigKeys.setStagingTimeout(p, TimeDuration.valueOf(60, TimeUnit.SECONDS));
    applyOverrides(p);
    return p;
  }

  /** Any Ratis key can be set for experiments as a system property: -Ddisponent.ratis.KEY=VALUE. */
  static void applyOverrides(RaftProperties p) {
    String prefix = "disponent.ratis.";
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith(prefix))
        .forEach(k -> p.set(k.substring(prefix.length()), System.getProperty(k)));
  }

  static RaftClient newClient(List<Member> members, Transport transport, StoreTuning t) {
    RaftProperties p = new RaftProperties();
    setTransport(p, transport);
    RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(3, TimeUnit.SECONDS));
    RaftClientConfigKeys.Async.setOutstandingRequestsMax(p, 1024);
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf("64MB"));
    applyOverrides(p);
    int attempts = (int) Math.max(1, t.requestTimeout().toMillis() / RETRY_SLEEP.toLong(TimeUnit.MILLISECONDS));
    return RaftClient.newBuilder()
        .setProperties(p)
        .setRaftGroup(group(members, t.cluster()))
        .setClientId(ClientId.randomId())
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(attempts, RETRY_SLEEP))
        .build();
  }

  static List<RaftPeerId> peerIds(List<Member> members) {
    return members.stream().map(m -> RaftPeerId.valueOf(m.id())).toList();
  }

  static StoreStatus status(LocalReplica local) {
    try {
      var division = local.server().getDivision(local.groupId());
      DivisionInfo info = division.getInfo();
      RaftPeerId leader = info.getLeaderId();
      var mvcc = local.stateMachine().mvcc();
      return new StoreStatus(local.peerId().toString(), leader == null ? null : leader.toString(),
          info.getCurrentTerm(), info.getLastAppliedIndex(), mvcc.revision(), mvcc.compactRevision(),
          mvcc.diskSize(), mvcc.dataSize());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
