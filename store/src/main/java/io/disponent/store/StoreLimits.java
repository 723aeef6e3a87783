package io.disponent.store;

/**
 * The store's size limits. Every replica must use the same ones: they are checked when a command
 * is applied, so they decide results deterministically.
 *
 * @param maxKeyBytes a key's UTF-8 length
 * @param maxValueBytes a value's length (etcd's request limit, 1.5 MiB)
 * @param maxOpsPerTxn compares plus the larger branch (etcd's default, 128)
 * @param quotaBytes the logical size of retained data past which writes that grow it are refused
 * @param compactionChunk how many history records a compaction examines per applied entry at most;
 *     it decides when the logical data size shrinks, so it too must be the same on every replica
 */
public record StoreLimits(int maxKeyBytes, int maxValueBytes, int maxOpsPerTxn, long quotaBytes, int compactionChunk) {

  /** The default {@link #compactionChunk}: a few milliseconds of work per entry. */
  public static final int DEFAULT_COMPACTION_CHUNK = 2_000;

  public static final StoreLimits DEFAULT = new StoreLimits(4096, 1536 * 1024, 128, 8L << 30);

  public StoreLimits {
    if (compactionChunk <= 0) {
      throw new IllegalArgumentException("compactionChunk must be positive: " + compactionChunk);
    }
  }

  /** Limits with the default {@link #compactionChunk}. */
  public StoreLimits(int maxKeyBytes, int maxValueBytes, int maxOpsPerTxn, long quotaBytes) {
    this(maxKeyBytes, maxValueBytes, maxOpsPerTxn, quotaBytes, DEFAULT_COMPACTION_CHUNK);
  }

  public StoreLimits withQuota(long bytes) {
    return new StoreLimits(maxKeyBytes, maxValueBytes, maxOpsPerTxn, bytes, compactionChunk);
  }

  public StoreLimits withCompactionChunk(int records) {
    return new StoreLimits(maxKeyBytes, maxValueBytes, maxOpsPerTxn, quotaBytes, records);
  }
}
