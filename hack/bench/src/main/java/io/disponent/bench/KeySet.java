package io.disponent.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/** Keys created before the cas and get runs, with each key's last known modRevision. */
final class KeySet {
  private static final int PRELOAD_INFLIGHT = 64;

  private final String[] keys;
  private final AtomicLongArray modRevisions;

  private KeySet(String[] keys) {
    this.keys = keys;
    this.modRevisions = new AtomicLongArray(keys.length);
  }

  static KeySet create(KvDriver driver, String prefix, int count, byte[] value) {
    String[] keys = new String[count];
    for (int i = 0; i < count; i++) {
      keys[i] = String.format("%sk/%06d", prefix, i);
    }
    KeySet set = new KeySet(keys);
    // Lanes, not batches: a batch would wait for its slowest put.
    CompletableFuture<?>[] lanes = new CompletableFuture<?>[Math.min(PRELOAD_INFLIGHT, count)];
    for (int lane = 0; lane < lanes.length; lane++) {
      lanes[lane] = set.createFrom(driver, lane, lanes.length, value);
    }
    CompletableFuture.allOf(lanes).orTimeout(120, TimeUnit.SECONDS).join();
    return set;
  }

  private CompletableFuture<Void> createFrom(KvDriver driver, int index, int stride, byte[] value) {
    if (index >= keys.length) {
      return CompletableFuture.completedFuture(null);
    }
    return driver.put(keys[index], value)
        .thenCompose(rev -> {
          modRevisions.set(index, rev);
          return createFrom(driver, index + stride, stride, value);
        });
  }

  int size() {
    return keys.length;
  }

  String key(int index) {
    return keys[index];
  }

  long modRevision(int index) {
    return modRevisions.get(index);
  }

  void setModRevision(int index, long revision) {
    modRevisions.set(index, revision);
  }
}
