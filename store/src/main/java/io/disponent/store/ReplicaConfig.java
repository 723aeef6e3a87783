package io.disponent.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One store replica.
 *
 * @param self this replica's id and Raft address (host:port)
 * @param peers the cluster's members, self included. A replica that joins a running cluster lists
 *     the membership it will have once added; its data directory must be new.
 * @param dataDir holds the Raft log and snapshots ({@code raft/}) and the live database ({@code kv/})
 */
public record ReplicaConfig(
    Member self, List<Member> peers, Path dataDir, Transport transport, StoreLimits limits, StoreTuning tuning) {

  public ReplicaConfig {
    Objects.requireNonNull(self, "self");
    peers = List.copyOf(peers);
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(tuning, "tuning");
    if (peers.stream().noneMatch(self::equals)) {
      throw new IllegalArgumentException("peers must include self " + self);
    }
  }

  /** The embedded default: one replica. */
  public static ReplicaConfig single(String address, Path dataDir) {
    Member self = new Member("n1", address);
    return new ReplicaConfig(self, List.of(self), dataDir, Transport.GRPC, StoreLimits.DEFAULT, StoreTuning.DEFAULT);
  }

  /** The embedded default on a free loopback port, for tests and benchmarks. */
  public static ReplicaConfig onFreePort(Path dataDir) {
    return single("127.0.0.1:" + FreePorts.loopback(), dataDir);
  }

  public ReplicaConfig withTuning(StoreTuning t) {
    return new ReplicaConfig(self, peers, dataDir, transport, limits, t);
  }

  public ReplicaConfig withTransport(Transport t) {
    return new ReplicaConfig(self, peers, dataDir, t, limits, tuning);
  }

  public ReplicaConfig withLimits(StoreLimits l) {
    return new ReplicaConfig(self, peers, dataDir, transport, l, tuning);
  }
}
