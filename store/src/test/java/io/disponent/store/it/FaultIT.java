package io.disponent.store.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.ConflictException;
import io.disponent.store.KeyValue;
import io.disponent.store.Member;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.Store;
import io.disponent.store.StoreClients;
import io.disponent.store.StoreTuning;
import io.disponent.store.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare-and-swap increments by concurrent clients while replicas in their own processes are
 * killed with SIGKILL and restarted at random. Every acknowledged increment must be in the final
 * value, and no client may ever read a revision older than one it saw before.
 *
 * <p>Replay a failure with {@code -Dfault.seed=N}; {@code -Dfault.seconds} sets the duration.
 */
class FaultIT {
  private static final int KEYS = 3;
  private static final int CLIENTS = 4;

  @TempDir Path dir;

  @Test
  void acknowledgedIncrementsSurviveRandomKills() throws Exception {
    long seed = Long.getLong("fault.seed", System.nanoTime());
    long seconds = Long.getLong("fault.seconds", 30);
    System.out.println("FaultIT seed=" + seed + " seconds=" + seconds + " (replay with -Dfault.seed=" + seed + ")");
    Random random = new Random(seed);

    List<Member> members = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      members.add(new Member("n" + i, "127.0.0.1:" + Ports.free()));
    }
    List<ReplicaProcess> replicas = new ArrayList<>();
    for (Member m : members) {
      replicas.add(new ReplicaProcess(m, members, dir));
    }
    StoreTuning tuning = StoreTuning.DEFAULT.withRequestTimeout(Duration.ofSeconds(20));
    try (Store store = startAll(replicas, members, tuning)) {
      String[] keys = new String[KEYS];
      for (int k = 0; k < KEYS; k++) {
        keys[k] = "/counter/" + k;
        store.put(keys[k], bytes(0)).get(60, TimeUnit.SECONDS);
      }
      AtomicLongArray acked = new AtomicLongArray(KEYS);
      AtomicLongArray uncertain = new AtomicLongArray(KEYS);
      AtomicLong kills = new AtomicLong();
      List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

      List<CompletableFuture<Void>> workers = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        long clientSeed = random.nextLong();
        workers.add(CompletableFuture.runAsync(
            () -> increment(store, keys, new Random(clientSeed), end, acked, uncertain, violations)));
      }
      Random chaos = new Random(random.nextLong());
      while (System.nanoTime() < end) {
        Thread.sleep(1000 + chaos.nextInt(2000));
        ReplicaProcess victim = replicas.get(chaos.nextInt(replicas.size()));
        victim.kill();
        kills.incrementAndGet();
        Thread.sleep(500 + chaos.nextInt(2000));
        victim.start();
      }
      CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

      long total = 0;
      for (int k = 0; k < KEYS; k++) {
        long value = value(store.get(keys[k]).get(60, TimeUnit.SECONDS));
        System.out.printf("key %s: value %d, acknowledged %d, outcome unknown %d%n",
            keys[k], value, acked.get(k), uncertain.get(k));
        assertThat(value).as("value of %s", keys[k]).isBetween(acked.get(k), acked.get(k) + uncertain.get(k));
        total += acked.get(k);
      }
      System.out.println("FaultIT: " + kills.get() + " kills, " + total + " acknowledged increments");
      assertThat(violations).isEmpty();
      assertThat(kills.get()).isPositive();
      assertThat(total).isPositive();
    } finally {
      for (ReplicaProcess r : replicas) {
        r.close();
      }
    }
  }

  private static Store startAll(List<ReplicaProcess> replicas, List<Member> members, StoreTuning tuning)
      throws Exception {
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (ReplicaProcess r : replicas) {
      starts.add(CompletableFuture.runAsync(() -> {
        try {
          r.start();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    return StoreClients.connect(members, Transport.GRPC, tuning);
  }

  private static void increment(Store store, String[] keys, Random random, long end, AtomicLongArray acked,
      AtomicLongArray uncertain, List<String> violations) {
    long lastRevision = 0;
    while (System.nanoTime() < end) {
      int k = random.nextInt(keys.length);
      try {
        RangeResponse read = store.range(RangeRequest.key(keys[k])).get(60, TimeUnit.SECONDS);
        if (read.revision() < lastRevision) {
          violations.add("read at revision " + read.revision() + " after having seen " + lastRevision);
        }
        lastRevision = Math.max(lastRevision, read.revision());
        Optional<KeyValue> kv = read.kvs().stream().findFirst();
        long modRevision = kv.orElseThrow().modRevision();
        try {
          long rev = store.update(keys[k], bytes(value(kv) + 1), modRevision).get(60, TimeUnit.SECONDS);
          if (rev <= lastRevision) {
            violations.add("write revision " + rev + " after having seen " + lastRevision);
          }
          lastRevision = rev;
          acked.incrementAndGet(k);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof ConflictException)) {
            uncertain.incrementAndGet(k);
          }
        }
      } catch (ExecutionException e) {
        // the read failed during a failover: nothing was written
      } catch (Exception e) {
        violations.add("unexpected " + e);
        return;
      }
    }
  }

  private static byte[] bytes(long v) {
    return Long.toString(v).getBytes(StandardCharsets.UTF_8);
  }

  private static long value(Optional<KeyValue> kv) {
    return Long.parseLong(new String(kv.orElseThrow().value(), StandardCharsets.UTF_8));
  }
}
