package io.disponent.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** Makes each worker's stream of requests for one mode. */
final class Workload implements Workers {
  private final KvDriver driver;
  private final Mode mode;
  private final String prefix;
  private final byte[] value;
  private final KeySet keys;

  /** @param keys the pre-created keys; needed for cas and get only */
  Workload(KvDriver driver, Mode mode, String prefix, byte[] value, KeySet keys) {
    if (mode != Mode.PUT && keys == null) {
      throw new IllegalArgumentException(mode + " needs pre-created keys");
    }
    this.driver = driver;
    this.mode = mode;
    this.prefix = prefix;
    this.value = value;
    this.keys = keys;
  }

  @Override
  public Request worker(int worker, int workers) {
    return switch (mode) {
      case PUT -> uniquePuts(worker);
      case CAS -> ownedCas(worker, workers);
      case GET -> randomGets();
    };
  }

  private Request uniquePuts(int worker) {
    String base = prefix + "p/" + worker + "/";
    long[] seq = {0};
    return () -> driver.put(base + seq[0]++, value).thenApply(rev -> true);
  }

  /** Worker w owns keys w, w+workers, ...: no other request races it, so its compares hold. */
  private Request ownedCas(int worker, int workers) {
    if (workers > keys.size()) {
      throw new IllegalArgumentException("cas at " + workers + " in flight needs at least that many keys");
    }
    int[] next = {worker};
    return () -> {
      int index = next[0];
      next[0] = index + workers < keys.size() ? index + workers : worker;
      return driver.cas(keys.key(index), keys.modRevision(index), value)
          .thenApply(outcome -> {
            keys.setModRevision(index, outcome.modRevision());
            return outcome.succeeded();
          });
    };
  }

  private Request randomGets() {
    return () -> {
      int index = ThreadLocalRandom.current().nextInt(keys.size());
      CompletableFuture<byte[]> read = driver.get(keys.key(index));
      return read.thenApply(v -> v != null);
    };
  }
}
