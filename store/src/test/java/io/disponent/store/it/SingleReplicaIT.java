package io.disponent.store.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.disponent.store.CompactedException;
import io.disponent.store.FreePorts;
import io.disponent.store.QuotaExceededException;
import io.disponent.store.RangeRequest;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.StoreLimits;
import io.disponent.store.TxnRequest;
import io.disponent.store.internal.raft.Replica;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: one replica. Restart keeps state; auto-compaction; the quota. */
class SingleReplicaIT {
  @TempDir Path dir;

  private ReplicaConfig config(int port) {
    return ReplicaConfig.single("127.0.0.1:" + port, dir.resolve("data"))
        .withTuning(TestCluster.fastTuning().withAutoCompaction(10, Duration.ZERO));
  }

  @Test
  void theRaftPortListensOnlyOnTheHostOfItsAddress() throws Exception {
    int port = FreePorts.loopback();
    try (Replica r = Replica.start(config(port))) {
      r.store().put("/k", "v").get(30, TimeUnit.SECONDS);
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      }
      // Linux routes all of 127.0.0.0/8 to lo: a listener on every interface would accept this too.
      assertThatThrownBy(() -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.2", port), 2000);
        }
      }).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void restartKeepsEveryWriteAndAutoCompactionKeepsTheNewestRevisions() throws Exception {
    int port = FreePorts.loopback();
    long last;
    try (Replica r = Replica.start(config(port))) {
      last = 0;
      for (int i = 0; i < 50; i++) {
        last = r.store().put("/c/" + i, "v").get(30, TimeUnit.SECONDS);
      }
      long lastRev = last;
      await().atMost(Duration.ofSeconds(20)).until(() -> r.status().compactRevision() >= lastRev - 10);
      assertThatThrownBy(() -> r.store().range(RangeRequest.prefix("/c/").atRevision(2)).get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(CompactedException.class);
    }
    try (Replica r = Replica.start(config(port))) {
      await().atMost(Duration.ofSeconds(20)).until(r::isLeader);
      var all = r.store().range(RangeRequest.prefix("/c/")).get(30, TimeUnit.SECONDS);
      assertThat(all.count()).isEqualTo(50);
      assertThat(all.revision()).isEqualTo(last);
    }
  }

  @Test
  void aFullStoreRefusesGrowthButServesReadsAndDeletes() throws Exception {
    ReplicaConfig c = config(FreePorts.loopback()).withLimits(StoreLimits.DEFAULT.withQuota(64 * 1024));
    try (Replica r = Replica.start(c)) {
      byte[] value = new byte[8 * 1024];
      assertThatThrownBy(() -> {
        for (int i = 0; i < 100; i++) {
          r.store().put("/q/" + i, value).get(30, TimeUnit.SECONDS);
        }
      }).hasCauseInstanceOf(QuotaExceededException.class).hasMessageContaining("database space exceeded");
      long count = r.store().range(RangeRequest.prefix("/q/").withCountOnly()).get(10, TimeUnit.SECONDS).count();
      assertThat(count).isPositive();
      r.store().txn(TxnRequest.delete("/q/0")).get(10, TimeUnit.SECONDS);
      assertThat(r.store().get("/q/0").get(10, TimeUnit.SECONDS)).isEmpty();
    }
  }

  @Test
  void aDataDirOfOneClusterNameRefusesToStartUnderAnother() throws Exception {
    int port = FreePorts.loopback();
    ReplicaConfig a = config(port).withTuning(config(port).tuning().withCluster("a"));
    try (Replica r = Replica.start(a)) {
      r.store().put("/k", "v").get(30, TimeUnit.SECONDS);
    }
    ReplicaConfig b = a.withTuning(a.tuning().withCluster("b"));
    assertThatThrownBy(() -> Replica.start(b)).isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("another cluster name");
    try (Replica r = Replica.start(a)) {
      await().atMost(Duration.ofSeconds(20)).until(r::isLeader);
      assertThat(r.store().get("/k").get(30, TimeUnit.SECONDS)).isPresent();
    }
  }
}
