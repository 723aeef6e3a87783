package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.RangeRequest;
import io.disponent.store.StoreClosedException;
import io.disponent.store.StoreLimits;
import io.disponent.store.internal.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvccStorePersistenceTest {
  @TempDir Path dir;

  @Test
  void everythingSurvivesReopen() {
    try (Fixture f = new Fixture(dir.resolve("db"))) {
      long lease = f.grant(30);
      f.put("a", "1", lease);
      f.put("b", "1");
      f.put("b", "2");
      f.delete("a");
      f.one(new Command.Compact(2));
      f.store.apply(7, 9, List.of(new Command.LeaseGrant(5)));
      var before = Snapshot.of(f.store);
      f.reopen();
      assertThat(Snapshot.of(f.store)).isEqualTo(before);
      assertThat(f.store.appliedTerm()).isEqualTo(7);
      assertThat(f.store.appliedIndex()).isEqualTo(9);
      assertThat(f.store.leases()).containsOnlyKeys(1L, 2L);
      assertThat(f.get("b", 3).valueUtf8()).isEqualTo("2");
    }
  }

  @Test
  void checkpointOpensAsTheSameState() {
    Path cp = dir.resolve("cp");
    try (Fixture f = new Fixture(dir.resolve("db"))) {
      long lease = f.grant(30);
      for (int i = 0; i < 50; i++) {
        f.put("k" + (i % 7), "v" + i, i % 3 == 0 ? lease : 0);
      }
      f.one(new Command.Compact(20));
      var before = Snapshot.of(f.store);
      f.store.checkpoint(cp);
      f.put("after", "checkpoint");
      assertThatThrownBy(() -> f.store.checkpoint(cp)).isInstanceOf(IllegalArgumentException.class);
      try (MvccStore copy = MvccStore.open(cp, StoreLimits.DEFAULT)) {
        assertThat(Snapshot.of(copy)).isEqualTo(before);
        assertThat(copy.events(20, 51, 1000)).isEqualTo(f.store.events(20, 50, 1000));
      }
    }
    assertThat(Files.isDirectory(cp)).isTrue();
  }

  @Test
  void closedStoreRefusesCalls() {
    MvccStore store = MvccStore.open(dir, StoreLimits.DEFAULT);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.range(RangeRequest.key("a"))).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.apply(1, 1, List.of())).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.events(1, 1, 1)).isInstanceOf(StoreClosedException.class);
  }
}
