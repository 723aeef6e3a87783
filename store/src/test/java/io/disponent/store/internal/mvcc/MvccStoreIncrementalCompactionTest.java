package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.CompactedException;
import io.disponent.store.RangeRequest;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksIterator;

/**
 * Compaction with a chunk of 3 records per entry, against a store with the default chunk (which
 * finishes these small compactions in the entry that applies them): the same logical state at every
 * entry, the same data size once done, and the same work on every replica.
 */
class MvccStoreIncrementalCompactionTest {
  static final StoreLimits TINY = StoreLimits.DEFAULT.withCompactionChunk(3);
  static final int KEYS = 12;

  @TempDir Path dir;

  /** Rounds of puts over {@code KEYS} keys, some deleted: about 5 records per key. */
  static List<List<Command>> history() {
    List<List<Command>> entries = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (int k = 0; k < KEYS; k++) {
        String key = "k" + (k < 10 ? "0" : "") + k;
        if ((round + k) % 4 == 3) {
          entries.add(List.of(new Command.Txn(TxnRequest.delete(key))));
        } else {
          entries.add(List.of(new Command.Txn(TxnRequest.put(key, Fixture.bytes(key + "@" + round)))));
        }
      }
    }
    return entries;
  }

  static void feed(List<List<Command>> entries, Fixture... stores) {
    for (List<Command> e : entries) {
      for (Fixture f : stores) {
        f.entry(e.toArray(Command[]::new));
      }
    }
  }

  /** Everything a read at or after the compact revision can see, compared with the reference. */
  static void assertSameReads(MvccStore s, MvccStore ref) {
    assertThat(s.compactRevision()).isEqualTo(ref.compactRevision());
    assertThat(s.revision()).isEqualTo(ref.revision());
    long from = Math.max(1, s.compactRevision());
    for (long rev = from; rev <= s.revision(); rev++) {
      assertThat(s.range(RangeRequest.prefix("").atRevision(rev)).kvs()).as("rev %d", rev)
          .isEqualTo(ref.range(RangeRequest.prefix("").atRevision(rev)).kvs());
      for (int k = 0; k < KEYS; k++) {
        RangeRequest one = RangeRequest.key("k" + (k < 10 ? "0" : "") + k).atRevision(rev);
        assertThat(s.range(one).kvs()).as("k%d rev %d", k, rev).isEqualTo(ref.range(one).kvs());
      }
    }
    assertThat(s.events(from, s.revision(), Integer.MAX_VALUE))
        .isEqualTo(ref.events(from, ref.revision(), Integer.MAX_VALUE));
    if (from > 1) {
      assertThatThrownBy(() -> s.events(from - 1, s.revision(), 10)).isInstanceOf(CompactedException.class);
      assertThatThrownBy(() -> s.range(RangeRequest.prefix("").atRevision(from - 1)))
          .isInstanceOf(CompactedException.class);
    }
  }

  /** The keys of the history and events column families, as stored (the store is reopened). */
  static List<String> physical(Fixture f) {
    f.store.close();
    List<String> out = new ArrayList<>();
    StoreDb db = StoreDb.open(f.dir);
    try {
      for (var cf : List.of(db.history, db.events)) {
        try (RocksIterator it = db.db.newIterator(cf)) {
          for (it.seekToFirst(); it.isValid(); it.next()) {
            out.add((cf == db.history ? "h " : "e ") + HexFormat.of().formatHex(it.key()));
          }
        }
      }
    } finally {
      db.close();
      f.store = MvccStore.open(f.dir, f.limits);
    }
    return out;
  }

  @Test
  void compactionCompletesAcrossLaterEntriesAndReadsAsOneShot() {
    try (Fixture f = new Fixture(dir.resolve("tiny"), TINY); Fixture ref = new Fixture(dir.resolve("ref"))) {
      feed(history(), f, ref);
      long target = f.store.revision() - 15;
      long before = f.store.dataSize();
      assertThat(f.one(new Command.Compact(target))).isEqualTo(new CommandResult.Done(f.store.revision()));
      ref.one(new Command.Compact(target));
      assertThat(ref.store.compactionInProgress()).isFalse();
      assertThat(ref.store.dataSize()).isLessThan(before);

      assertThat(f.store.compactRevision()).isEqualTo(target);
      assertThat(f.store.compactionInProgress()).isTrue();
      assertThat(f.store.dataSize()).isGreaterThan(ref.store.dataSize());
      assertSameReads(f.store, ref.store);

      int steps = 0;
      long size = f.store.dataSize();
      while (f.store.compactionInProgress()) {
        f.entry();
        ref.entry();
        steps++;
        assertThat(f.store.dataSize()).isLessThanOrEqualTo(size);
        size = f.store.dataSize();
        assertSameReads(f.store, ref.store);
        assertThat(steps).isLessThan(1000);
      }
      assertThat(steps).isGreaterThan(5);
      assertThat(f.store.dataSize()).isEqualTo(ref.store.dataSize());
      assertThat(Snapshot.of(f.store)).isEqualTo(Snapshot.of(ref.store));
      assertThat(physical(f)).isEqualTo(physical(ref));
    }
  }

  @Test
  void writesAndANewCompactionDuringOneInProgress() {
    try (Fixture f = new Fixture(dir.resolve("tiny"), TINY); Fixture ref = new Fixture(dir.resolve("ref"))) {
      feed(history(), f, ref);
      long first = f.store.revision() - 30;
      feed(List.of(List.of(new Command.Compact(first))), f, ref);
      List<List<Command>> more = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        more.add(List.of(new Command.Txn(TxnRequest.put("k0" + i, Fixture.bytes("more" + i)))));
        more.add(List.of(new Command.Txn(TxnRequest.delete("k1" + (i % 2)))));
      }
      for (List<Command> e : more) {
        feed(List.of(e), f, ref);
        assertSameReads(f.store, ref.store);
      }
      assertThat(f.store.compactionInProgress()).isTrue();
      long second = f.store.revision() - 3;
      ApplyResult r = f.entry(
          new Command.Compact(second),
          new Command.Txn(TxnRequest.put("k05", Fixture.bytes("same entry"))));
      ref.entry(new Command.Compact(second), new Command.Txn(TxnRequest.put("k05", Fixture.bytes("same entry"))));
      assertThat(r.results().get(0)).isEqualTo(new CommandResult.Done(second + 3));
      assertThat(f.store.compactRevision()).isEqualTo(second);
      assertSameReads(f.store, ref.store);
      assertThat(f.failure(new Command.Compact(second))).isInstanceOf(CompactedException.class);
      ref.failure(new Command.Compact(second));
      int steps = 0;
      while (f.store.compactionInProgress()) {
        f.entry();
        ref.entry();
        assertSameReads(f.store, ref.store);
        assertThat(++steps).isLessThan(1000);
      }
      assertThat(f.store.dataSize()).isEqualTo(ref.store.dataSize());
      assertThat(Snapshot.of(f.store)).isEqualTo(Snapshot.of(ref.store));
      // the same records remain, down to the events at the first target that the cursor had passed
      assertThat(physical(f)).isEqualTo(physical(ref));
    }
  }

  @Test
  void aNewCompactionWhereverTheCursorIsLeavesWhatOneShotDoes() {
    List<List<Command>> entries = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 6; k++) {
        entries.add(List.of(new Command.Txn(TxnRequest.put("k0" + k, Fixture.bytes("r" + round)))));
      }
    }
    List<io.disponent.store.Op> all = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      all.add(new io.disponent.store.Op.Put("k0" + k, Fixture.bytes("all"), 0));
    }
    entries.add(List.of(new Command.Txn(new TxnRequest(List.of(), all, List.of())))); // 6 events at 13
    entries.add(List.of(new Command.Txn(TxnRequest.put("k00", Fixture.bytes("last"))))); // 14
    for (int steps = 0; steps < 12; steps++) {
      Path base = dir.resolve("steps" + steps);
      try (Fixture f = new Fixture(base.resolve("tiny"), TINY); Fixture ref = new Fixture(base.resolve("ref"))) {
        feed(entries, f, ref);
        feed(List.of(List.of(new Command.Compact(13))), f, ref);
        for (int i = 0; i < steps; i++) {
          feed(List.of(List.of()), f, ref);
        }
        feed(List.of(List.of(new Command.Compact(14))), f, ref);
        while (f.store.compactionInProgress()) {
          feed(List.of(List.of()), f, ref);
        }
        assertThat(Snapshot.of(f.store)).isEqualTo(Snapshot.of(ref.store));
        assertThat(physical(f)).as("after %d steps", steps).isEqualTo(physical(ref));
      }
    }
  }

  @Test
  void reopenedAndRestoredMidCompactionEndIdentical() {
    try (Fixture a = new Fixture(dir.resolve("a"), TINY); Fixture b = new Fixture(dir.resolve("b"), TINY)) {
      feed(history(), a, b);
      long target = a.store.revision() - 10;
      feed(List.of(List.of(new Command.Compact(target))), a, b);
      feed(List.of(List.of(), List.of()), a, b);
      assertThat(a.store.compactionInProgress()).isTrue();

      b.reopen();
      assertThat(b.store.compactionInProgress()).isTrue();
      assertThat(b.store.compactRevision()).isEqualTo(target);
      assertThat(b.store.dataSize()).isEqualTo(a.store.dataSize());
      a.store.checkpoint(dir.resolve("cp"));
      try (Fixture c = new Fixture(dir.resolve("cp"), TINY)) {
        assertThat(c.store.compactionInProgress()).isTrue();
        assertThat(c.index).isEqualTo(a.index);
        List<List<Command>> tail = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          tail.add(i % 3 == 0 ? List.of(new Command.Txn(TxnRequest.put("k0" + (i % 7), Fixture.bytes("t" + i))))
              : List.of());
        }
        for (List<Command> e : tail) {
          feed(List.of(e), a, b, c);
          assertThat(Snapshot.of(b.store)).isEqualTo(Snapshot.of(a.store));
          assertThat(Snapshot.of(c.store)).isEqualTo(Snapshot.of(a.store));
          assertThat(b.store.compactionInProgress()).isEqualTo(a.store.compactionInProgress());
          assertThat(c.store.compactionInProgress()).isEqualTo(a.store.compactionInProgress());
        }
        assertThat(a.store.compactionInProgress()).isFalse();
        assertSameReads(b.store, a.store);
        assertSameReads(c.store, a.store);
      }
    }
  }
}
