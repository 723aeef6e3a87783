package io.disponent.store.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.LeaseGrant;
import io.disponent.store.Member;
import io.disponent.store.RangeRequest;
import io.disponent.store.Store;
import io.disponent.store.StoreException;
import io.disponent.store.StoreTuning;
import io.disponent.store.WatchEvent;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import io.disponent.store.internal.raft.Replica;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three replicas in one JVM: failover, restarts, snapshots, membership, watches, leases. */
class ReplicationIT {
  @TempDir Path dir;
  TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long put(Store s, String k, String v) throws Exception {
    return s.put(k, b(v)).get(30, TimeUnit.SECONDS);
  }

  private static List<KeyValue> localState(Replica r) throws Exception {
    return r.store().range(RangeRequest.of(KeyRange.all()).stale()).get(10, TimeUnit.SECONDS).kvs();
  }

  private void awaitConverged() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<Replica> rs = cluster.running();
      List<KeyValue> first = localState(rs.get(0));
      for (Replica r : rs) {
        assertThat(localState(r)).isEqualTo(first);
        assertThat(r.status().revision()).isEqualTo(rs.get(0).status().revision());
      }
    });
  }

  @Test
  void writesReplicateToEveryReplicaAndReadsAreLinearizableFromAnyOne() throws Exception {
    cluster = new TestCluster(dir, 3, TestCluster.fastTuning()).startAll();
    Replica follower = cluster.aFollower();
    long rev = put(follower.store(), "/a", "1");
    // a linearizable read through any replica sees the write at once
    for (Replica r : cluster.running()) {
      var got = r.store().get("/a").get(10, TimeUnit.SECONDS);
      assertThat(got).isPresent();
      assertThat(got.get().modRevision()).isEqualTo(rev);
    }
    awaitConverged();
  }

  @Test
  void leaderKillElectsANewLeaderAndNoAcknowledgedWriteIsLost() throws Exception {
    cluster = new TestCluster(dir, 3, TestCluster.fastTuning()).startAll();
    Replica leader = cluster.leader();
    Replica survivor = cluster.aFollower();
    for (int i = 0; i < 50; i++) {
      put(survivor.store(), "/k/" + i, "v" + i);
    }
    String leaderId = leader.self().id();
    cluster.stop(leaderId);
    Replica newLeader = cluster.awaitLeader();
    assertThat(newLeader.self().id()).isNotEqualTo(leaderId);
    for (int i = 50; i < 100; i++) {
      put(survivor.store(), "/k/" + i, "v" + i);
    }
    cluster.start(leaderId);
    awaitConverged();
    assertThat(localState(cluster.replica(leaderId))).hasSize(100);
  }

  @Test
  void followerRestartCatchesUp() throws Exception {
    cluster = new TestCluster(dir, 3, TestCluster.fastTuning()).startAll();
    Replica follower = cluster.aFollower();
    String id = follower.self().id();
    cluster.stop(id);
    Store s = cluster.leader().store();
    for (int i = 0; i < 30; i++) {
      put(s, "/f/" + i, "x");
    }
    cluster.start(id);
    awaitConverged();
    assertThat(localState(cluster.replica(id))).hasSize(30);
  }

  @Test
  void anEmptyReplicaIsRebuiltBySnapshotAndMembersAreAddedAndRemovedWhileServing() throws Exception {
    StoreTuning tuning = TestCluster.fastTuning().withSnapshotEveryEntries(20);
    cluster = new TestCluster(dir, 3, tuning).startAll();
    Store s = cluster.leader().store();
    for (int i = 0; i < 200; i++) {
      put(s, "/s/" + i, "value-" + i);
    }
    // n3 loses its disk: remove it, wipe it, add it back as a new member
    String lost = cluster.leader().self().id().equals("n3") ? "n2" : "n3";
    cluster.stop(lost);
    s = cluster.leader().store();
    s.removeMember(lost).get(30, TimeUnit.SECONDS);
    assertThat(s.members().get(10, TimeUnit.SECONDS)).extracting(Member::id).doesNotContain(lost);
    cluster.wipe(lost);
    Member again = cluster.members().stream().filter(m -> m.id().equals(lost)).findFirst().orElseThrow();
    cluster.start(lost);
    s.addMember(again).get(60, TimeUnit.SECONDS);
    for (int i = 200; i < 220; i++) {
      put(s, "/s/" + i, "value-" + i);
    }
    awaitConverged();
    assertThat(localState(cluster.replica(lost))).hasSize(220);

    // a fourth member joins, then the first leaves, while writes go on
    Member n4 = cluster.declare("n4");
    cluster.start("n4");
    cluster.leader().store().addMember(n4).get(60, TimeUnit.SECONDS);
    put(cluster.leader().store(), "/s/after-add", "x");
    String leaving = cluster.aFollower().self().id();
    cluster.leader().store().removeMember(leaving).get(30, TimeUnit.SECONDS);
    cluster.stop(leaving);
    cluster.forget(leaving);
    put(cluster.leader().store(), "/s/after-remove", "x");
    assertThat(cluster.leader().store().members().get(10, TimeUnit.SECONDS)).extracting(Member::id)
        .contains("n4").doesNotContain(leaving).hasSize(3);
    awaitConverged();
    assertThat(localState(cluster.replica("n4"))).hasSize(222);
  }

  @Test
  void aWatchResumedOnAnotherReplicaAfterALeaderChangeSeesEveryEventOnce() throws Exception {
    cluster = new TestCluster(dir, 3, TestCluster.fastTuning()).startAll();
    Replica leader = cluster.leader();
    Replica watcherHost = cluster.aFollower();
    List<Long> seen = new CopyOnWriteArrayList<>();
    WatchListener listener = new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        events.forEach(e -> seen.add(e.revision()));
      }

      @Override
      public void onCancelled(StoreException cause) {}
    };
    var watch = watcherHost.store().watch(WatchRequest.of(KeyRange.prefix("/w/"), 1), listener);
    Store writer = watcherHost.store();
    long first = put(writer, "/w/0", "x");
    for (int i = 1; i < 20; i++) {
      put(writer, "/w/" + i, "x");
    }
    cluster.stop(leader.self().id());
    cluster.awaitLeader();
    long last = 0;
    for (int i = 20; i < 40; i++) {
      last = put(writer, "/w/" + i, "x");
    }
    long lastSeen = last;
    await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains(lastSeen));
    // the host goes away halfway; resume on another replica from the last revision seen + 1
    watch.close();
    int cut = 25;
    List<Long> before = List.copyOf(seen.subList(0, cut));
    List<Long> resumed = new CopyOnWriteArrayList<>();
    Replica other = cluster.running().stream().filter(r -> r != watcherHost).findFirst().orElseThrow();
    other.store().watch(WatchRequest.of(KeyRange.prefix("/w/"), before.get(cut - 1) + 1), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        events.forEach(e -> resumed.add(e.revision()));
      }

      @Override
      public void onCancelled(StoreException cause) {}
    });
    await().atMost(Duration.ofSeconds(20)).until(() -> resumed.contains(lastSeen));
    List<Long> all = new java.util.ArrayList<>(before);
    all.addAll(resumed);
    assertThat(all).hasSize(40).doesNotHaveDuplicates().isSorted();
    assertThat(all.get(0)).isEqualTo(first);
    assertThat(seen).hasSize(40).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void keysOfAnExpiredLeaseVanishAndKeepAliveHoldsThem() throws Exception {
    cluster = new TestCluster(dir, 3, TestCluster.fastTuning()).startAll();
    Store s = cluster.aFollower().store();
    LeaseGrant kept = s.leaseGrant(2).get(10, TimeUnit.SECONDS);
    LeaseGrant dropped = s.leaseGrant(2).get(10, TimeUnit.SECONDS);
    s.create("/lease/kept", b("x"), kept.id()).get(10, TimeUnit.SECONDS);
    s.create("/lease/dropped-1", b("x"), dropped.id()).get(10, TimeUnit.SECONDS);
    s.create("/lease/dropped-2", b("x"), dropped.id()).get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      assertThat(s.leaseKeepAlive(kept.id()).get(10, TimeUnit.SECONDS)).isEqualTo(2);
      await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      var keys = s.range(RangeRequest.prefix("/lease/")).get(10, TimeUnit.SECONDS).kvs();
      assertThat(keys).extracting(KeyValue::key).containsExactly("/lease/kept");
    });
    // both keys went in one revision
    var events = new CopyOnWriteArrayList<WatchEvent>();
    cluster.aFollower().store().watch(WatchRequest.of(KeyRange.prefix("/lease/dropped"), 1), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> e) {
        events.addAll(e);
      }

      @Override
      public void onCancelled(StoreException cause) {}
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 4);
    assertThat(events.get(2).type()).isEqualTo(WatchEvent.Type.DELETE);
    assertThat(events.get(2).revision()).isEqualTo(events.get(3).revision());
  }
}
