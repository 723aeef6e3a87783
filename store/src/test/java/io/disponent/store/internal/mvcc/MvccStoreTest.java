package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.Compare;
import io.disponent.store.FutureRevisionException;
import io.disponent.store.KeyValue;
import io.disponent.store.Op;
import io.disponent.store.OpResult;
import io.disponent.store.RangeRequest;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvccStoreTest {
  @TempDir Path dir;
  Fixture f;

  @BeforeEach
  void open() {
    f = new Fixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void newStoreIsEmpty() {
    assertThat(f.store.revision()).isZero();
    assertThat(f.store.appliedIndex()).isZero();
    assertThat(f.store.appliedTerm()).isZero();
    assertThat(f.store.compactRevision()).isZero();
    assertThat(f.store.dataSize()).isZero();
    assertThat(f.store.range(RangeRequest.prefix("")).kvs()).isEmpty();
  }

  /** Each step: an op, then the key's expected (create, mod, version) or null when absent. */
  record Step(String op, long revisionAfter, long[] expected) {}

  @Test
  void revisionsAndVersionsAcrossPutDeleteRecreate() {
    List<Step> steps = List.of(
        new Step("put", 1, new long[] {1, 1, 1}),
        new Step("put", 2, new long[] {1, 2, 2}),
        new Step("put", 3, new long[] {1, 3, 3}),
        new Step("delete", 4, null),
        new Step("delete", 4, null), // deletes nothing: no new revision
        new Step("put", 5, new long[] {5, 5, 1}),
        new Step("put", 6, new long[] {5, 6, 2}));
    for (Step s : steps) {
      long rev = s.op().equals("put") ? f.put("k", "v" + s.revisionAfter()) : f.delete("k");
      assertThat(rev).as(s.toString()).isEqualTo(s.revisionAfter());
      assertThat(f.store.revision()).isEqualTo(s.revisionAfter());
      KeyValue kv = f.get("k");
      if (s.expected() == null) {
        assertThat(kv).isNull();
      } else {
        assertThat(new long[] {kv.createRevision(), kv.modRevision(), kv.version()}).containsExactly(s.expected());
      }
    }
    // and every past revision still reads as it was
    assertThat(f.get("k", 1).valueUtf8()).isEqualTo("v1");
    assertThat(f.get("k", 3).version()).isEqualTo(3);
    assertThat(f.get("k", 4)).isNull();
    assertThat(f.get("k", 5).createRevision()).isEqualTo(5);
    assertThatThrownBy(() -> f.get("k", 7)).isInstanceOf(FutureRevisionException.class);
  }

  @Test
  void txnOpsShareOneRevisionAndReportPrevKvs() {
    f.put("a", "1");
    f.put("b", "2");
    TxnResponse r = f.txn(new TxnRequest(List.of(),
        List.of(new Op.Put("a", Fixture.bytes("10")), new Op.Put("c", Fixture.bytes("3")), Op.Delete.key("b")),
        List.of()));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.revision()).isEqualTo(3);
    assertThat(((OpResult.PutResult) r.results().get(0)).prevKv().valueUtf8()).isEqualTo("1");
    assertThat(((OpResult.PutResult) r.results().get(1)).prevKv()).isNull();
    assertThat(((OpResult.DeleteResult) r.results().get(2)).prevKvs()).extracting(KeyValue::key).containsExactly("b");
    assertThat(f.get("a").modRevision()).isEqualTo(3);
    assertThat(f.get("c").modRevision()).isEqualTo(3);
  }

  @Test
  void emptyBranchDoesNotBumpRevision() {
    f.put("a", "1");
    TxnResponse r = f.txn(new TxnRequest(List.of(Compare.absent("a")), List.of(new Op.Put("a", Fixture.bytes("x"))),
        List.of()));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.revision()).isEqualTo(1);
    assertThat(r.results()).isEmpty();
    assertThat(f.store.revision()).isEqualTo(1);
  }

  @Test
  void failureBranchIsApplied() {
    f.put("a", "1");
    TxnResponse r = f.txn(new TxnRequest(List.of(Compare.absent("a")), List.of(),
        List.of(new Op.Put("b", Fixture.bytes("x")))));
    assertThat(r.succeeded()).isFalse();
    assertThat(r.revision()).isEqualTo(2);
    assertThat(f.get("b").valueUtf8()).isEqualTo("x");
  }

  @Test
  void commandsOfOneEntrySeeEachOthersWrites() {
    Command put = new Command.Txn(TxnRequest.put("a", Fixture.bytes("1")));
    Command createIfAbsent = new Command.Txn(TxnRequest.when(List.of(Compare.absent("a")),
        List.of(new Op.Put("a", Fixture.bytes("2")))));
    Command updateIfRev1 = new Command.Txn(TxnRequest.when(List.of(Compare.modRevisionIs("a", 1)),
        List.of(new Op.Put("a", Fixture.bytes("3")))));
    Command deleteAll = new Command.Txn(new TxnRequest(List.of(), List.of(new Op.Delete(io.disponent.store.KeyRange.all())),
        List.of()));
    ApplyResult r = f.entry(put, createIfAbsent, updateIfRev1, deleteAll);
    assertThat(r.results()).hasSize(4);
    assertThat(((CommandResult.TxnDone) r.results().get(1)).response().succeeded()).isFalse();
    assertThat(((CommandResult.TxnDone) r.results().get(2)).response().succeeded()).isTrue();
    OpResult.DeleteResult del = (OpResult.DeleteResult) ((CommandResult.TxnDone) r.results().get(3)).response()
        .results().get(0);
    assertThat(del.prevKvs()).singleElement().satisfies(kv -> {
      assertThat(kv.valueUtf8()).isEqualTo("3");
      assertThat(kv.version()).isEqualTo(2);
    });
    assertThat(r.revision()).isEqualTo(3);
    assertThat(r.events()).extracting(WatchEvent::type, e -> e.kv().modRevision())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.PUT, 1L),
            org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.PUT, 2L),
            org.assertj.core.groups.Tuple.tuple(WatchEvent.Type.DELETE, 3L));
    assertThat(f.get("a", 2).valueUtf8()).isEqualTo("3");
  }

  @Test
  void compareAndSwapsOnOneKeyInOneEntryEachSeeTheEarlierOnes() {
    // Concurrent read-then-CAS clients share a batch: two of them may expect the same modRevision.
    long m = f.put("n", "0");
    Command first = cas("n", m, "1");
    Command sameExpectation = cas("n", m, "1");
    Command onTopOfFirst = cas("n", m + 1, "2");
    ApplyResult r = f.entry(first, sameExpectation, onTopOfFirst);
    assertThat(r.results()).extracting(c -> ((CommandResult.TxnDone) c).response().succeeded())
        .containsExactly(true, false, true);
    assertThat(f.get("n").valueUtf8()).isEqualTo("2");
    assertThat(f.get("n").version()).isEqualTo(3);
    assertThat(f.get("n").modRevision()).isEqualTo(m + 2);
  }

  private static Command cas(String key, long expectedModRevision, String value) {
    return new Command.Txn(TxnRequest.when(List.of(Compare.modRevisionIs(key, expectedModRevision)),
        List.of(new Op.Put(key, Fixture.bytes(value)))));
  }

  @Test
  void replayOfAnAppliedIndexChangesNothing() {
    f.put("a", "1");
    long dataSize = f.store.dataSize();
    ApplyResult replay = f.store.apply(1, f.index, List.of(new Command.Txn(TxnRequest.put("a", Fixture.bytes("2")))));
    assertThat(replay.results()).isEmpty();
    assertThat(replay.events()).isEmpty();
    assertThat(replay.revision()).isEqualTo(1);
    ApplyResult older = f.store.apply(1, 0, List.of(new Command.Txn(TxnRequest.put("a", Fixture.bytes("3")))));
    assertThat(older.results()).isEmpty();
    assertThat(f.get("a").valueUtf8()).isEqualTo("1");
    assertThat(f.store.dataSize()).isEqualTo(dataSize);
    assertThat(f.store.appliedIndex()).isEqualTo(1);
  }

  @Test
  void emptyEntryRecordsTermAndIndex() {
    ApplyResult r = f.store.apply(3, 7, List.of());
    assertThat(r.results()).isEmpty();
    assertThat(f.store.appliedTerm()).isEqualTo(3);
    assertThat(f.store.appliedIndex()).isEqualTo(7);
    assertThat(f.store.revision()).isZero();
  }

  @Test
  void dataSizeGrowsWithEveryRecordIncludingDeletes() {
    f.put("ab", "xyz");
    long afterPut = f.store.dataSize();
    assertThat(afterPut).isEqualTo(2 + 3 + Records.RECORD_OVERHEAD);
    f.delete("ab");
    assertThat(f.store.dataSize()).isEqualTo(afterPut + 2 + Records.RECORD_OVERHEAD);
    assertThat(f.store.diskSize()).isNotNegative();
  }
}
