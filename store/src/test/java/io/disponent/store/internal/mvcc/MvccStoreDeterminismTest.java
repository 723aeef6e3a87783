package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.Compare;
import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.Op;
import io.disponent.store.RangeRequest;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.codec.Codec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random command sequences fed to several stores: one straight through, one closed and reopened
 * along the way, one restarted from a checkpoint. All must end identical, and every past revision
 * still retained must read as the current state read when it was current.
 */
class MvccStoreDeterminismTest {
  @TempDir Path dir;

  @Test
  void sameCommandsSameState() {
    for (long seed = 1; seed <= 3; seed++) {
      run(seed, dir.resolve("seed" + seed));
    }
  }

  private void run(long seed, Path base) {
    Random rnd = new Random(seed);
    StoreLimits limits = StoreLimits.DEFAULT.withQuota(40_000);
    MvccStore a = MvccStore.open(base.resolve("a"), limits);
    MvccStore b = MvccStore.open(base.resolve("b"), limits);
    MvccStore c = null;
    Map<Long, List<KeyValue>> stateAt = new HashMap<>();
    int entries = 400;
    try {
      for (int index = 1; index <= entries; index++) {
        List<Command> commands = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          commands.add(randomCommand(rnd, a.revision()));
        }
        ApplyResult ra = a.apply(1, index, commands);
        ApplyResult rb = b.apply(1, index, commands);
        assertThat(Codec.encodeResults(rb.results())).isEqualTo(Codec.encodeResults(ra.results()));
        assertThat(rb.events()).isEqualTo(ra.events());
        if (c != null) {
          assertThat(Codec.encodeResults(c.apply(1, index, commands).results()))
              .isEqualTo(Codec.encodeResults(ra.results()));
        }
        stateAt.put(a.revision(), a.range(RangeRequest.prefix("")).kvs());
        if (index % 97 == 0) {
          b.close();
          b = MvccStore.open(base.resolve("b"), limits);
        }
        if (index == entries / 2) {
          a.checkpoint(base.resolve("cp"));
          c = MvccStore.open(base.resolve("cp"), limits);
        }
      }
      Snapshot sa = Snapshot.of(a);
      assertThat(Snapshot.of(b)).isEqualTo(sa);
      assertThat(Snapshot.of(c)).isEqualTo(sa);
      assertThat(sa.revision()).isGreaterThan(100);
      assertThat(sa.compactRevision()).isPositive();
      for (long rev = Math.max(1, a.compactRevision()); rev <= a.revision(); rev++) {
        if (stateAt.containsKey(rev)) {
          assertThat(a.range(RangeRequest.prefix("").atRevision(rev)).kvs()).as("seed %d rev %d", seed, rev)
              .isEqualTo(stateAt.get(rev));
        }
      }
    } finally {
      a.close();
      b.close();
      if (c != null) {
        c.close();
      }
    }
  }

  private static Command randomCommand(Random rnd, long revision) {
    int dice = rnd.nextInt(100);
    if (dice < 3 && revision > 0) {
      return new Command.Compact(1 + (long) rnd.nextInt((int) revision + 1)); // sometimes refused
    }
    if (dice < 6) {
      return new Command.LeaseGrant(1 + rnd.nextInt(60));
    }
    if (dice < 9) {
      return new Command.LeaseRevoke(1 + rnd.nextInt(10));
    }
    List<Compare> compares = new ArrayList<>();
    if (rnd.nextBoolean()) {
      String k = key(rnd);
      compares.add(switch (rnd.nextInt(4)) {
        case 0 -> new Compare.ModRevision(k, Compare.Op.values()[rnd.nextInt(4)], rnd.nextInt((int) revision + 2));
        case 1 -> new Compare.CreateRevision(k, Compare.Op.values()[rnd.nextInt(4)], rnd.nextInt((int) revision + 2));
        case 2 -> new Compare.Version(k, Compare.Op.values()[rnd.nextInt(4)], rnd.nextInt(4));
        default -> new Compare.Value(k, Compare.Op.values()[rnd.nextInt(4)], value(rnd));
      });
    }
    return new Command.Txn(new TxnRequest(compares, ops(rnd), ops(rnd)));
  }

  private static List<Op> ops(Random rnd) {
    List<Op> ops = new ArrayList<>();
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      int dice = rnd.nextInt(10);
      if (dice < 6) {
        ops.add(new Op.Put(key(rnd), value(rnd), rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(10) : 0));
      } else if (dice < 9) {
        ops.add(Op.Delete.key(key(rnd)));
      } else {
        ops.add(new Op.Delete(KeyRange.prefix("k" + rnd.nextInt(3))));
      }
    }
    return ops;
  }

  private static String key(Random rnd) {
    return "k" + rnd.nextInt(30);
  }

  private static byte[] value(Random rnd) {
    byte[] v = new byte[rnd.nextInt(40)];
    rnd.nextBytes(v);
    return v;
  }
}
