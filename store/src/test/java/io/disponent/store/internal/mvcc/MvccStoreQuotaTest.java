package io.disponent.store.internal.mvcc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.Compare;
import io.disponent.store.Op;
import io.disponent.store.QuotaExceededException;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.internal.Command;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvccStoreQuotaTest {
  @TempDir Path dir;

  @Test
  void overQuotaPutsAreRefusedButDeletesReadsAndCompactionWork() {
    try (Fixture f = new Fixture(dir, StoreLimits.DEFAULT.withQuota(100))) {
      f.put("a", "x".repeat(40)); // 73 bytes: under the quota
      f.put("b", "x".repeat(40)); // checked at 73: allowed, now 146
      assertThat(f.store.dataSize()).isGreaterThan(100);
      assertThat(f.failure(new Command.Txn(TxnRequest.put("c", Fixture.bytes("1")))))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.dataSizeBytes()).isEqualTo(f.store.dataSize());
            assertThat(e.quotaBytes()).isEqualTo(100);
          });
      assertThat(f.get("a")).isNotNull();
      // a txn whose chosen branch has no put still runs
      assertThat(f.txn(new TxnRequest(List.of(Compare.absent("a")), List.of(new Op.Put("z", new byte[1])),
          List.of())).succeeded()).isFalse();
      assertThat(f.delete("b")).isEqualTo(3);
      f.delete("a");
      f.one(new Command.Compact(4));
      assertThat(f.store.dataSize()).isZero();
      assertThat(f.put("c", "1")).isEqualTo(5);
    }
  }
}
