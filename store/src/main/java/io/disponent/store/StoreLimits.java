package io.disponent.store;

/**
 * The store's size limits. Every replica must use the same ones: they are checked when a command
 * is applied, so they decide results deterministically.
 *
 * @param maxKeyBytes a key's UTF-8 length
 * @param maxValueBytes a value's length (etcd's request limit, 1.5 MiB)
 * @param maxOpsPerTxn compares plus the larger branch (etcd's default, 128)
 * @param quotaBytes the logical size of retained data past which writes that grow it are refused
 */
public record StoreLimits(int maxKeyBytes, int maxValueBytes, int maxOpsPerTxn, long quotaBytes) {

  public static final StoreLimits DEFAULT = new StoreLimits(4096, 1536 * 1024, 128, 8L << 30);

  public StoreLimits withQuota(long bytes) {
    return new StoreLimits(maxKeyBytes, maxValueBytes, maxOpsPerTxn, bytes);
  }
}
