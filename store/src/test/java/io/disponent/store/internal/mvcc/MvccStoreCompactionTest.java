package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.CompactedException;
import io.disponent.store.FutureRevisionException;
import io.disponent.store.RangeRequest;
import io.disponent.store.StoreException;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvccStoreCompactionTest {
  @TempDir Path dir;
  Fixture f;

  // 1: a=1  2: b=1  3: a=2  4: delete b  5: a=3  6: c=1
  @BeforeEach
  void open() {
    f = new Fixture(dir);
    f.put("a", "1");
    f.put("b", "1");
    f.put("a", "2");
    f.delete("b");
    f.put("a", "3");
    f.put("c", "1");
  }

  @AfterEach
  void close() {
    f.close();
  }

  long compact(long rev) {
    CommandResult r = f.one(new Command.Compact(rev));
    assertThat(r).isEqualTo(new CommandResult.Done(f.store.revision()));
    return rev;
  }

  @Test
  void readsAtAndAfterTheCompactRevisionStillWork() {
    long before = f.store.dataSize();
    compact(4);
    assertThat(f.store.compactRevision()).isEqualTo(4);
    assertThat(f.store.revision()).isEqualTo(6);
    assertThat(f.get("a", 4).valueUtf8()).isEqualTo("2");
    assertThat(f.get("b", 4)).isNull();
    assertThat(f.get("a", 5).valueUtf8()).isEqualTo("3");
    assertThat(f.keys(RangeRequest.prefix("").atRevision(4))).containsExactly("a");
    assertThat(f.keys(RangeRequest.prefix(""))).containsExactly("a", "c");
    assertThatThrownBy(() -> f.get("a", 3))
        .isInstanceOfSatisfying(CompactedException.class, e -> {
          assertThat(e.requestedRevision()).isEqualTo(3);
          assertThat(e.compactRevision()).isEqualTo(4);
        });
    // dropped: a@1, b@2 and b's tombstone @4
    assertThat(f.store.dataSize()).isEqualTo(before - (1 + 1 + 32) - (1 + 1 + 32) - (1 + 32));
  }

  @Test
  void compactAtCurrentRevisionKeepsTheCurrentState() {
    compact(6);
    assertThat(f.keys(RangeRequest.prefix("").atRevision(6))).containsExactly("a", "c");
    assertThat(f.get("a").version()).isEqualTo(3);
    f.put("a", "4");
    assertThat(f.get("a", 6).valueUtf8()).isEqualTo("3");
    assertThat(f.get("a").version()).isEqualTo(4);
    assertThat(f.get("a").createRevision()).isEqualTo(1);
  }

  @Test
  void eventsAfterCompaction() {
    compact(4);
    assertThatThrownBy(() -> f.store.events(3, 6, 100)).isInstanceOf(CompactedException.class);
    List<WatchEvent> events = f.store.events(4, 6, 100);
    assertThat(events).extracting(WatchEvent::type, e -> e.kv().key(), WatchEvent::revision).containsExactly(
        org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.DELETE, "b", 4L),
        org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.PUT, "a", 5L),
        org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.PUT, "c", 6L));
    assertThat(events.get(0).prevKv()).isNull(); // b@2 is gone
    assertThat(events.get(1).prevKv().valueUtf8()).isEqualTo("2"); // a@3 is the newest version at 4
    assertThat(events.get(2).prevKv()).isNull();
  }

  @Test
  void refusedCompactions() {
    StoreException future = f.failure(new Command.Compact(7));
    assertThat(future).isInstanceOf(FutureRevisionException.class);
    compact(3);
    StoreException again = f.failure(new Command.Compact(3));
    assertThat(again).isInstanceOfSatisfying(CompactedException.class, e -> {
      assertThat(e.requestedRevision()).isEqualTo(3);
      assertThat(e.compactRevision()).isEqualTo(3);
    });
    assertThat(f.failure(new Command.Compact(2))).isInstanceOf(CompactedException.class);
    assertThat(f.store.compactRevision()).isEqualTo(3);
  }

  @Test
  void successiveCompactionsDropOnlyWhatTheyMay() {
    compact(2);
    assertThat(f.get("a", 2).valueUtf8()).isEqualTo("1");
    assertThat(f.get("b", 2).valueUtf8()).isEqualTo("1");
    compact(5);
    assertThat(f.get("a", 5).valueUtf8()).isEqualTo("3");
    assertThat(f.get("b", 5)).isNull();
    f.put("b", "again");
    f.delete("c");
    compact(8);
    assertThat(f.keys(RangeRequest.prefix("").atRevision(8))).containsExactly("a", "b");
    assertThat(f.get("b").createRevision()).isEqualTo(7);
    // only the live versions remain
    long expected = (1 + 1 + 32) + (1 + 5 + 32);
    assertThat(f.store.dataSize()).isEqualTo(expected);
  }

  @Test
  void compactionInTheSameEntryAsWritesSeesThem() {
    ApplyResult r = f.entry(
        new Command.Txn(io.disponent.store.TxnRequest.put("a", Fixture.bytes("4"))),
        new Command.Compact(7),
        new Command.Txn(io.disponent.store.TxnRequest.put("a", Fixture.bytes("5"))));
    assertThat(r.results().get(1)).isEqualTo(new CommandResult.Done(7));
    assertThat(f.get("a", 7).valueUtf8()).isEqualTo("4");
    assertThatThrownBy(() -> f.get("a", 6)).isInstanceOf(CompactedException.class);
    assertThat(f.store.events(7, 8, 10)).hasSize(2);
  }

  @Test
  void compactionSurvivesReopen() {
    compact(5);
    long size = f.store.dataSize();
    f.reopen();
    assertThat(f.store.compactRevision()).isEqualTo(5);
    assertThat(f.store.dataSize()).isEqualTo(size);
    assertThatThrownBy(() -> f.get("a", 4)).isInstanceOf(CompactedException.class);
  }
}
