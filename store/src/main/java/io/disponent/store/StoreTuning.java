package io.disponent.store;

import java.time.Duration;

/**
 * Knobs for throughput and failover; the defaults are the measured ones of store/README.md.
 *
 * @param writeBatchItems most commands in one Raft entry
 * @param writeBatchBytes most bytes of commands in one Raft entry (a larger single command goes alone)
 * @param writeBatchesInFlight Raft entries one client has outstanding; more queue and batch up
 * @param readBatchItems most reads answered by one ReadIndex round
 * @param readBatchesInFlight read rounds one client has outstanding
 * @param requestTimeout how long a client call may take, retries across failovers included
 * @param electionTimeoutMin a follower's minimum wait for the leader before it runs for election
 * @param snapshotEveryEntries take a snapshot (and truncate the log) after this many entries
 * @param compactRetainRevisions auto-compaction keeps this many recent revisions (0: off)
 * @param compactRetainAge auto-compaction keeps revisions younger than this (zero: off)
 * @param cluster the cluster's name, the same on every replica and client of it: its Raft group id is derived
 *     from it, so replicas of two clusters never count each other's votes or acknowledgements even when one
 *     reaches the other's address (like etcd's initial-cluster-token). "" is the group of stores created
 *     before names existed.
 */
public record StoreTuning(
    int writeBatchItems,
    int writeBatchBytes,
    int writeBatchesInFlight,
    int readBatchItems,
    int readBatchesInFlight,
    Duration requestTimeout,
    Duration electionTimeoutMin,
    long snapshotEveryEntries,
    long compactRetainRevisions,
    Duration compactRetainAge,
    String cluster) {

  public StoreTuning {
    cluster = cluster == null ? "" : cluster;
  }

  public static final StoreTuning DEFAULT = new StoreTuning(
      256, 4 << 20, 2, 256, 4, Duration.ofSeconds(30), Duration.ofMillis(1000), 100_000, 0, Duration.ofMinutes(5), "");

  public StoreTuning withSnapshotEveryEntries(long n) {
    return new StoreTuning(writeBatchItems, writeBatchBytes, writeBatchesInFlight, readBatchItems,
        readBatchesInFlight, requestTimeout, electionTimeoutMin, n, compactRetainRevisions, compactRetainAge, cluster);
  }

  public StoreTuning withWriteBatching(int items, int inFlight) {
    return new StoreTuning(items, writeBatchBytes, inFlight, readBatchItems, readBatchesInFlight, requestTimeout,
        electionTimeoutMin, snapshotEveryEntries, compactRetainRevisions, compactRetainAge, cluster);
  }

  public StoreTuning withAutoCompaction(long retainRevisions, Duration retainAge) {
    return new StoreTuning(writeBatchItems, writeBatchBytes, writeBatchesInFlight, readBatchItems,
        readBatchesInFlight, requestTimeout, electionTimeoutMin, snapshotEveryEntries, retainRevisions, retainAge,
        cluster);
  }

  public StoreTuning withRequestTimeout(Duration d) {
    return new StoreTuning(writeBatchItems, writeBatchBytes, writeBatchesInFlight, readBatchItems,
        readBatchesInFlight, d, electionTimeoutMin, snapshotEveryEntries, compactRetainRevisions, compactRetainAge,
        cluster);
  }

  public StoreTuning withCluster(String name) {
    return new StoreTuning(writeBatchItems, writeBatchBytes, writeBatchesInFlight, readBatchItems,
        readBatchesInFlight, requestTimeout, electionTimeoutMin, snapshotEveryEntries, compactRetainRevisions,
        compactRetainAge, name);
  }
}
