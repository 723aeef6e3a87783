package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.InvalidRequestException;
import io.disponent.store.KeyValue;
import io.disponent.store.LeaseNotFoundException;
import io.disponent.store.Op;
import io.disponent.store.RangeRequest;
import io.disponent.store.TxnRequest;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.Command;
import io.disponent.store.internal.CommandResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvccStoreLeaseTest {
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
  void idsCountUpFromOneAndSurviveReopen() {
    assertThat(f.one(new Command.LeaseGrant(10)))
        .isEqualTo(new CommandResult.Granted(new io.disponent.store.LeaseGrant(1, 10)));
    assertThat(f.grant(20)).isEqualTo(2);
    f.reopen();
    assertThat(f.grant(30)).isEqualTo(3);
    assertThat(f.store.leases()).isEqualTo(Map.of(1L, 10L, 2L, 20L, 3L, 30L));
    assertThat(f.store.revision()).isZero(); // granting takes no revision
  }

  @Test
  void invalidTtl() {
    assertThat(f.failure(new Command.LeaseGrant(0))).isInstanceOf(InvalidRequestException.class);
    assertThat(f.failure(new Command.LeaseGrant(-5))).isInstanceOf(InvalidRequestException.class);
    assertThat(f.grant(1)).isEqualTo(1); // refused grants used no id
  }

  @Test
  void putWithUnknownLeaseFailsTheWholeTxn() {
    long lease = f.grant(10);
    TxnRequest t = new TxnRequest(List.of(), List.of(
        new Op.Put("a", Fixture.bytes("1"), lease), new Op.Put("b", Fixture.bytes("1"), 99)), List.of());
    assertThat(f.failure(new Command.Txn(t)))
        .isInstanceOfSatisfying(LeaseNotFoundException.class, e -> assertThat(e.leaseId()).isEqualTo(99));
    assertThat(f.store.revision()).isZero();
    assertThat(f.get("a")).isNull();
  }

  @Test
  void revokeDeletesAttachedKeysInOneRevision() {
    long l1 = f.grant(10);
    long l2 = f.grant(10);
    f.put("a", "1", l1);
    f.put("b", "1", l1);
    f.put("c", "1", l2);
    f.put("d", "1", l1);
    f.put("d", "2", l2); // moved to l2
    f.put("b", "2", l1); // still on l1
    f.put("e", "1"); // no lease
    ApplyResult r = f.entry(new Command.LeaseRevoke(l1));
    assertThat(r.results()).containsExactly(new CommandResult.Done(8));
    assertThat(r.events()).extracting(e -> e.kv().key()).containsExactly("a", "b");
    assertThat(r.events()).allSatisfy(e -> {
      assertThat(e.type()).isEqualTo(WatchEvent.Type.DELETE);
      assertThat(e.revision()).isEqualTo(8);
      assertThat(e.prevKv().lease()).isEqualTo(l1);
    });
    assertThat(f.keys(RangeRequest.prefix(""))).containsExactly("c", "d", "e");
    assertThat(f.store.leases()).containsOnlyKeys(l2);
    assertThat(f.failure(new Command.LeaseRevoke(l1))).isInstanceOf(LeaseNotFoundException.class);
  }

  @Test
  void revokeOfALeaseWithoutKeysTakesNoRevision() {
    long l = f.grant(10);
    f.put("a", "1", l);
    f.delete("a");
    f.put("b", "1", l);
    f.put("b", "2"); // detached
    assertThat(f.one(new Command.LeaseRevoke(l))).isEqualTo(new CommandResult.Done(4));
    assertThat(f.store.revision()).isEqualTo(4);
    assertThat(f.get("b").valueUtf8()).isEqualTo("2");
  }

  @Test
  void revokeSeesKeysAttachedEarlierInTheSameEntry() {
    long l = f.grant(10);
    ApplyResult r = f.entry(
        new Command.Txn(new TxnRequest(List.of(), List.of(new Op.Put("x", Fixture.bytes("1"), l)), List.of())),
        new Command.LeaseRevoke(l),
        new Command.Txn(new TxnRequest(List.of(), List.of(new Op.Put("y", Fixture.bytes("1"), l)), List.of())));
    assertThat(r.results().get(1)).isEqualTo(new CommandResult.Done(2));
    assertThat(r.results().get(2)).isInstanceOf(CommandResult.Failed.class);
    assertThat(f.get("x")).isNull();
  }

  @Test
  void unknownLeaseRevoke() {
    assertThat(f.failure(new Command.LeaseRevoke(42))).isInstanceOf(LeaseNotFoundException.class);
  }

  @Test
  void keysKeepTheirLease() {
    long l = f.grant(5);
    f.put("a", "1", l);
    KeyValue kv = f.get("a");
    assertThat(kv.lease()).isEqualTo(l);
    f.reopen();
    assertThat(f.get("a").lease()).isEqualTo(l);
    f.entry(new Command.LeaseRevoke(l));
    assertThat(f.get("a")).isNull();
  }
}
