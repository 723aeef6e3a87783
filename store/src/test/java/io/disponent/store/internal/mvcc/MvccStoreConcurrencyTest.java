package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.KeyValue;
import io.disponent.store.Op;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads running while entries are applied see whole entries only. */
class MvccStoreConcurrencyTest {
  @TempDir Path dir;

  @Test
  void readsSeeWholeEntries() throws Exception {
    int keys = 20;
    try (MvccStore store = MvccStore.open(dir, StoreLimits.DEFAULT)) {
      AtomicBoolean done = new AtomicBoolean();
      ExecutorService readers = Executors.newFixedThreadPool(3);
      List<Future<Integer>> checks = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        checks.add(readers.submit(() -> {
          int reads = 0;
          while (!done.get()) {
            RangeResponse r = store.range(RangeRequest.prefix("k"));
            // every entry rewrites every key, so all keys carry the response's revision
            for (KeyValue kv : r.kvs()) {
              assertThat(kv.modRevision()).isEqualTo(r.revision());
            }
            assertThat(r.kvs().size()).isIn(0, keys);
            long rev = store.revision();
            if (rev > 2) {
              List<WatchEvent> events = store.events(rev - 2, rev, 1);
              assertThat(events).hasSize(keys).allSatisfy(e -> assertThat(e.revision()).isEqualTo(rev - 2));
            }
            reads++;
          }
          return reads;
        }));
      }
      for (int i = 1; i <= 1500; i++) {
        List<Op> puts = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
          puts.add(new Op.Put(String.format("k%02d", k), Fixture.bytes("v" + i)));
        }
        store.apply(1, i, List.of(new Command.Txn(new TxnRequest(List.of(), puts, List.of()))));
        if (i % 500 == 0) {
          store.apply(1, ++i, List.of(new Command.Compact(store.revision() - 5)));
        }
      }
      done.set(true);
      int total = 0;
      for (Future<Integer> c : checks) {
        total += c.get();
      }
      readers.shutdown();
      assertThat(total).isPositive();
    }
  }
}
