package io.disponent.store.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.store.CompactedException;
import io.disponent.store.KeyRange;
import io.disponent.store.StoreClosedException;
import io.disponent.store.Watch;
import io.disponent.store.WatchCancelledException;
import io.disponent.store.WatchEvent;
import io.disponent.store.WatchRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchHubTest {
  private final FakeEventSource source = new FakeEventSource();
  private final List<WatchHub> hubs = new ArrayList<>();
  private final List<CountDownLatch> gates = new ArrayList<>();

  @AfterEach
  void tearDown() {
    gates.forEach(CountDownLatch::countDown);
    hubs.forEach(WatchHub::close);
  }

  private WatchHub hub(WatchHubConfig config) {
    return hub(config, Clock.systemUTC());
  }

  private WatchHub hub(WatchHubConfig config, Clock clock) {
    WatchHub hub = new WatchHub(source, config, clock);
    hubs.add(hub);
    return hub;
  }

  private CountDownLatch gate() {
    CountDownLatch gate = new CountDownLatch(1);
    gates.add(gate);
    return gate;
  }

  /** Applies one revision putting {@code keys} and publishes it, as the apply thread does. */
  private long commit(WatchHub hub, String... keys) {
    List<WatchEvent> events = source.put(keys);
    hub.publish(events, source.revision());
    return source.revision();
  }

  /** Every event of the history from {@code start} on in {@code range}, as a watcher should see it. */
  private List<WatchEvent> expected(KeyRange range, long start, boolean prevKv) {
    return source.all().stream()
        .filter(e -> e.revision() >= start && range.contains(e.kv().key()))
        .map(e -> prevKv ? e : e.withoutPrevKv())
        .toList();
  }

  /** Awaitility polling every 10 ms from the start, for up to 10 s. */
  private static ConditionFactory eventually() {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10));
  }

  private static void awaitCount(Recorder r, int n) {
    eventually().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(r.events()).hasSize(n));
  }

  private static void blockUntil(CountDownLatch gate) {
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void filtersByPrefixAndSingleKey() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    Recorder prefix = new Recorder();
    Recorder single = new Recorder();
    Recorder all = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.prefix("/a/"), 0), prefix);
    hub.watch(WatchRequest.of(KeyRange.single("/b/x"), 0), single);
    hub.watch(WatchRequest.of(KeyRange.all(), 0), all);
    commit(hub, "/a/1", "/b/x");
    commit(hub, "/b/y");
    commit(hub, "/a/2");
    commit(hub, "/a", "/b/x");

    awaitCount(all, 6);
    awaitCount(prefix, 2);
    awaitCount(single, 2);
    assertThat(prefix.events()).extracting(e -> e.kv().key()).containsExactly("/a/1", "/a/2");
    assertThat(single.revisions()).containsExactly(1L, 4L);
    assertThat(all.events()).isEqualTo(expected(KeyRange.all(), 1, false));
    assertThat(List.of(prefix, single, all)).allSatisfy(r -> assertThat(r.violations()).isEmpty());
  }

  @Test
  void prevKvOnlyWhenAskedLiveAndCatchingUp() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    commit(hub, "k");
    commit(hub, "k");
    Recorder liveWith = new Recorder();
    Recorder liveWithout = new Recorder();
    Recorder pastWith = new Recorder();
    Recorder pastWithout = new Recorder();
    KeyRange k = KeyRange.single("k");
    hub.watch(WatchRequest.of(k, 0).withPrevKv(), liveWith);
    hub.watch(WatchRequest.of(k, 0), liveWithout);
    hub.watch(WatchRequest.of(k, 2).withPrevKv(), pastWith);
    hub.watch(WatchRequest.of(k, 2), pastWithout);
    commit(hub, "k");
    hub.publish(source.delete("k"), source.revision());

    awaitCount(liveWith, 2);
    awaitCount(liveWithout, 2);
    awaitCount(pastWith, 3);
    awaitCount(pastWithout, 3);
    assertThat(liveWith.events()).allSatisfy(e -> assertThat(e.prevKv()).isNotNull());
    assertThat(liveWith.events().get(1).type()).isEqualTo(WatchEvent.Type.DELETE);
    assertThat(liveWith.events().get(1).prevKv().modRevision()).isEqualTo(3);
    assertThat(pastWith.events()).isEqualTo(expected(k, 2, true));
    assertThat(liveWithout.events()).allSatisfy(e -> assertThat(e.prevKv()).isNull());
    assertThat(pastWithout.events()).isEqualTo(expected(k, 2, false));
  }

  @Test
  void revisionsAreDeliveredWholeEvenPastTheBatchSize() {
    WatchHub hub = hub(new WatchHubConfig(10_000, 2, 2));
    commit(hub, "a", "b", "c");
    commit(hub, "d");
    Recorder past = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 1), past);
    awaitCount(past, 4);
    assertThat(past.violations()).isEmpty();
  }

  @Test
  void compactedStartIsCancelled() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    for (int i = 0; i < 20; i++) {
      commit(hub, "k" + i);
    }
    source.compact(10);
    Recorder tooOld = new Recorder();
    Recorder atCompaction = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 5), tooOld);
    hub.watch(WatchRequest.of(KeyRange.all(), 10), atCompaction);

    eventually().untilAsserted(() -> assertThat(tooOld.cancelled.get()).isInstanceOf(CompactedException.class));
    CompactedException c = (CompactedException) tooOld.cancelled.get();
    assertThat(c.requestedRevision()).isEqualTo(5);
    assertThat(c.compactRevision()).isEqualTo(10);
    assertThat(tooOld.events()).isEmpty();
    awaitCount(atCompaction, 11);
    assertThat(hub.watcherCount()).isEqualTo(1);
  }

  @Test
  void compactionDuringCatchUpCancelsTheWatcher() {
    WatchHub hub = hub(new WatchHubConfig(10_000, 2, 2));
    for (int i = 0; i < 20; i++) {
      commit(hub, "k");
    }
    CountDownLatch gate = gate();
    Recorder r = new Recorder() {
      @Override
      void handle(List<WatchEvent> batch) {
        blockUntil(gate);
      }
    };
    hub.watch(WatchRequest.of(KeyRange.all(), 1), r);
    eventually().until(() -> !r.events().isEmpty());
    source.compact(15);
    gate.countDown();

    eventually().untilAsserted(() -> assertThat(r.cancelled.get()).isInstanceOf(CompactedException.class));
    assertThat(r.revisions()).containsExactly(1L, 2L);
    assertThat(hub.watcherCount()).isZero();
  }

  @Test
  void futureStartWaitsForItsRevision() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    for (int i = 0; i < 5; i++) {
      commit(hub, "k");
    }
    Recorder r = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 8), r);
    for (int i = 0; i < 5; i++) {
      commit(hub, "k");
    }
    awaitCount(r, 3);
    assertThat(r.revisions()).containsExactly(8L, 9L, 10L);
  }

  @Test
  void startZeroMeansAfterTheCurrentRevision() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    commit(hub, "k");
    // Applied but not yet published: a watch from "now" must still not see it.
    List<WatchEvent> unpublished = source.put("k");
    Recorder r = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 0), r);
    hub.publish(unpublished, source.revision());
    commit(hub, "k");
    awaitCount(r, 1);
    assertThat(r.revisions()).containsExactly(3L);
  }

  @Test
  void catchUpThenLiveIsExactlyOnceUnderConcurrentPublishing() throws Exception {
    WatchHub hub = hub(new WatchHubConfig(1_000_000, 50, 2));
    String[] keys = {"/a/0", "/a/1", "/a/2", "/b/0", "/b/1", "/c", "/d/x"};
    KeyRange[] ranges = {KeyRange.prefix("/a/"), KeyRange.prefix("/b/"), KeyRange.single("/c"),
        KeyRange.all(), KeyRange.prefix("/d/")};
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      commit(hub, keys[random.nextInt(keys.length)]);
    }
    int totalEvents = 20_000;
    AtomicReference<Throwable> publisherFailure = new AtomicReference<>();
    Thread publisher = new Thread(() -> {
      try {
        Random rnd = new Random(7);
        int published = 0;
        int revisions = 0;
        while (published < totalEvents) {
          if (rnd.nextInt(20) == 0) {
            hub.publish(List.of(), source.revision()); // an entry without events
            continue;
          }
          String[] revision = new String[1 + rnd.nextInt(3)];
          for (int j = 0; j < revision.length; j++) {
            revision[j] = keys[rnd.nextInt(keys.length)];
          }
          commit(hub, revision);
          published += revision.length;
          if (++revisions % 10 == 0) {
            // Pace the publisher so that catch-ups finish while it is still publishing.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
          }
        }
      } catch (Throwable t) {
        publisherFailure.set(t);
      }
    }, "test-publisher");

    record Started(Recorder recorder, KeyRange range, long start, boolean prevKv) {}
    List<Started> started = new ArrayList<>();
    publisher.start();
    while (publisher.isAlive() || started.size() < 50) {
      KeyRange range = ranges[random.nextInt(ranges.length)];
      long current = source.revision();
      long start = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt((int) current);
      boolean prevKv = random.nextBoolean();
      Recorder r = new Recorder();
      WatchRequest request = WatchRequest.of(range, start);
      hub.watch(prevKv ? request.withPrevKv() : request, r);
      started.add(new Started(r, range, start, prevKv));
      if (started.size() >= 300) {
        break;
      }
      Thread.yield();
    }
    publisher.join();
    assertThat(publisherFailure.get()).isNull();
    commit(hub, "/a/0", "/b/0", "/c", "/d/x"); // a last revision every range sees

    long end = source.revision();
    eventually().atMost(Duration.ofSeconds(30)).until(() -> started.stream().allMatch(s -> {
      List<WatchEvent> got = s.recorder().events();
      return !got.isEmpty() && got.get(got.size() - 1).revision() == end;
    }));
    for (Started s : started) {
      eventually().untilAsserted(() -> {
        List<WatchEvent> got = s.recorder().events();
        long from = s.start() != 0 ? s.start() : got.isEmpty() ? Long.MAX_VALUE : got.get(0).revision();
        assertThat(got).isEqualTo(expected(s.range(), from, s.prevKv()));
      });
      assertThat(s.recorder().violations()).isEmpty();
      assertThat(s.recorder().cancelled.get()).isNull();
    }
    assertThat(hub.watcherCount()).isEqualTo(started.size());
  }

  @Test
  void slowWatcherIsCancelledAndResumesExactlyWhereItStopped() {
    WatchHub hub = hub(new WatchHubConfig(10, 100, 2));
    CountDownLatch gate = gate();
    Recorder slow = new Recorder() {
      @Override
      void handle(List<WatchEvent> batch) {
        blockUntil(gate);
      }
    };
    hub.watch(WatchRequest.of(KeyRange.all(), 0), slow);
    commit(hub, "k");
    eventually().until(() -> !slow.events().isEmpty());
    for (int i = 0; i < 30; i++) {
      commit(hub, "k");
    }
    eventually().until(() -> hub.watcherCount() == 0);
    gate.countDown();

    eventually().untilAsserted(() -> assertThat(slow.cancelled.get()).isInstanceOf(WatchCancelledException.class));
    WatchCancelledException cancelled = (WatchCancelledException) slow.cancelled.get();
    assertThat(cancelled.getMessage()).contains("fell behind by more than 10 events");
    List<Long> got = slow.revisions();
    assertThat(cancelled.resumeRevision()).isEqualTo(got.get(got.size() - 1) + 1);

    Recorder resumed = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), cancelled.resumeRevision()), resumed);
    for (int i = 0; i < 10; i++) {
      commit(hub, "k");
    }
    awaitCount(resumed, (int) (source.revision() - cancelled.resumeRevision() + 1));
    List<WatchEvent> both = new ArrayList<>(slow.events());
    both.addAll(resumed.events());
    assertThat(both).isEqualTo(expected(KeyRange.all(), 1, false));
    assertThat(resumed.violations()).isEmpty();
  }

  @Test
  void blockedListenerDoesNotDelayOthers() {
    WatchHub hub = hub(new WatchHubConfig(10_000, 100, 2));
    CountDownLatch gate = gate();
    java.util.concurrent.atomic.AtomicInteger blockedCalls = new java.util.concurrent.atomic.AtomicInteger();
    Recorder blocked = new Recorder() {
      @Override
      void handle(List<WatchEvent> batch) {
        blockedCalls.incrementAndGet();
        blockUntil(gate);
      }
    };
    Recorder others = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 0), blocked);
    hub.watch(WatchRequest.of(KeyRange.all(), 0), others);
    for (int i = 0; i < 5; i++) {
      commit(hub, "k");
    }
    eventually().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(others.events()).hasSize(5));
    // The blocked listener is inside its first call (which may carry all five events at once) and stays there; its
    // delivery thread may only now be entering it, after the others got everything (a clean-clone CI run saw 0).
    eventually().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(blockedCalls).hasValue(1));
    gate.countDown();
    awaitCount(blocked, 5);
  }

  @Test
  void idleSyncedWatcherGetsProgressAfterItsInterval() {
    MutableClock clock = new MutableClock();
    WatchHub hub = hub(WatchHubConfig.DEFAULT, clock);
    Recorder r = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.single("mine"), 0).withProgress(Duration.ofSeconds(10)), r);
    commit(hub, "other");
    long latest = commit(hub, "other");

    eventually().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> r.progress().isEmpty());
    clock.advance(Duration.ofSeconds(10));
    eventually().untilAsserted(() -> assertThat(r.progress()).containsExactly(latest));

    commit(hub, "mine");
    awaitCount(r, 1);
    clock.advance(Duration.ofSeconds(10));
    eventually().untilAsserted(() -> assertThat(r.progress()).containsExactly(latest, latest + 1));
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void progressWithARealClock() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    commit(hub, "k");
    Recorder r = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 1).withProgress(Duration.ofMillis(100)), r);
    eventually().atMost(Duration.ofSeconds(5)).until(() -> r.progress().size() >= 3);
    assertThat(r.progress()).allSatisfy(p -> assertThat(p).isEqualTo(1L));
    assertThat(r.revisions()).containsExactly(1L);
  }

  @Test
  void closeStopsDelivery() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    Recorder r = new Recorder();
    Watch watch = hub.watch(WatchRequest.of(KeyRange.all(), 0), r);
    commit(hub, "k");
    awaitCount(r, 1);
    watch.close();
    watch.close();
    assertThat(hub.watcherCount()).isZero();
    commit(hub, "k");
    commit(hub, "k");
    eventually().during(Duration.ofMillis(300)).until(() -> r.events().size() == 1);
    assertThat(r.cancelled.get()).isNull();
  }

  @Test
  void listenerMayCloseItsOwnWatch() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    AtomicReference<Watch> self = new AtomicReference<>();
    Recorder r = new Recorder() {
      @Override
      void handle(List<WatchEvent> batch) {
        self.get().close();
      }
    };
    self.set(hub.watch(WatchRequest.of(KeyRange.all(), 0), r));
    commit(hub, "k");
    awaitCount(r, 1);
    commit(hub, "k");
    eventually().during(Duration.ofMillis(300)).until(() -> r.events().size() == 1);
    assertThat(hub.watcherCount()).isZero();
  }

  @Test
  void cancelAllGivesEachWatcherItsNextRevision() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    Recorder live = new Recorder();
    Recorder future = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 0), live);
    hub.watch(WatchRequest.of(KeyRange.all(), 50), future);
    long last = 0;
    for (int i = 0; i < 3; i++) {
      last = commit(hub, "k");
    }
    awaitCount(live, 3);
    hub.cancelAll("snapshot installed");

    eventually().until(() -> live.cancelled.get() != null && future.cancelled.get() != null);
    assertThat(live.cancelled.get()).isInstanceOfSatisfying(WatchCancelledException.class,
        e -> assertThat(e.getMessage()).contains("snapshot installed"));
    assertThat(((WatchCancelledException) live.cancelled.get()).resumeRevision()).isEqualTo(last + 1);
    assertThat(((WatchCancelledException) future.cancelled.get()).resumeRevision()).isEqualTo(50);
    assertThat(hub.watcherCount()).isZero();
  }

  @Test
  void closingTheHubCancelsEveryWatchAsClosed() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    commit(hub, "k");
    Recorder live = new Recorder();
    Recorder catchingUp = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 0), live);
    hub.watch(WatchRequest.of(KeyRange.all(), 1), catchingUp);
    hub.close();
    assertThat(live.cancelled.get()).isInstanceOf(StoreClosedException.class);
    assertThat(catchingUp.cancelled.get()).isInstanceOf(StoreClosedException.class);
    assertThat(hub.watcherCount()).isZero();

    Recorder late = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 0), late);
    assertThat(late.cancelled.get()).isInstanceOf(StoreClosedException.class);
    hub.publish(source.put("k"), source.revision()); // ignored
    hub.close();
  }

  @Test
  void failingListenerIsCancelledAndOthersGoOn() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    Recorder failing = new Recorder() {
      @Override
      void handle(List<WatchEvent> batch) {
        throw new IllegalStateException("boom");
      }
    };
    Recorder fine = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 0), failing);
    hub.watch(WatchRequest.of(KeyRange.all(), 0), fine);
    long first = commit(hub, "k");
    commit(hub, "k");

    eventually().untilAsserted(() -> assertThat(failing.cancelled.get()).isInstanceOf(WatchCancelledException.class));
    WatchCancelledException e = (WatchCancelledException) failing.cancelled.get();
    assertThat(e.getMessage()).contains("boom");
    assertThat(e.resumeRevision()).isEqualTo(first);
    awaitCount(fine, 2);
    commit(hub, "k");
    awaitCount(fine, 3);
    assertThat(failing.events()).hasSizeLessThanOrEqualTo(2);
    assertThat(failing.violations()).isEmpty();
    assertThat(hub.watcherCount()).isEqualTo(1);
  }

  @Test
  void listenerErrorCancelsTheWatchToo() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    Recorder asserting = new Recorder() {
      @Override
      void handle(List<WatchEvent> batch) {
        throw new AssertionError("listener asserted");
      }
    };
    hub.watch(WatchRequest.of(KeyRange.all(), 0), asserting);
    long first = commit(hub, "k");
    eventually().untilAsserted(() -> assertThat(asserting.cancelled.get())
        .isInstanceOfSatisfying(WatchCancelledException.class, e -> assertThat(e.resumeRevision()).isEqualTo(first)));
    assertThat(hub.watcherCount()).isZero();
  }

  @Test
  void hubClosedFromAListenerDoesNotWaitForItself() {
    WatchHub hub = hub(WatchHubConfig.DEFAULT);
    AtomicBoolean returned = new AtomicBoolean();
    Recorder closing = new Recorder() {
      @Override
      void handle(List<WatchEvent> batch) {
        hub.close();
        returned.set(true);
      }
    };
    Recorder other = new Recorder();
    hub.watch(WatchRequest.of(KeyRange.all(), 0), closing);
    hub.watch(WatchRequest.of(KeyRange.all(), 0), other);
    commit(hub, "k");
    eventually().atMost(Duration.ofSeconds(2)).untilTrue(returned);
    eventually().untilAsserted(() -> {
      assertThat(closing.cancelled.get()).isInstanceOf(StoreClosedException.class);
      assertThat(other.cancelled.get()).isInstanceOf(StoreClosedException.class);
    });
    assertThat(closing.violations()).isEmpty();
  }

  @Test
  void thousandsOfWatchersShareTwoThreads() {
    WatchHub hub = hub(new WatchHubConfig(10_000, 1000, 2));
    List<Recorder> singles = new ArrayList<>();
    List<Recorder> prefixes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Recorder r = new Recorder();
      hub.watch(WatchRequest.of(KeyRange.single("/k/" + i), 0), r);
      singles.add(r);
    }
    for (int i = 0; i < 100; i++) {
      Recorder r = new Recorder();
      hub.watch(WatchRequest.of(KeyRange.prefix("/k/"), 0), r);
      prefixes.add(r);
    }
    for (int i = 0; i < 1000; i++) {
      commit(hub, "/k/" + i);
    }
    eventually().until(() -> singles.stream().allMatch(r -> r.events().size() == 1)
        && prefixes.stream().allMatch(r -> r.events().size() == 1000));
    assertThat(singles).allSatisfy(r -> assertThat(r.violations()).isEmpty());
    assertThat(hub.watcherCount()).isEqualTo(1100);
    long deliveryThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("watch-delivery")).count();
    assertThat(deliveryThreads).isLessThanOrEqualTo(2L * hubs.size());
    // Every watcher without prevKv shares the event objects the hub was given.
    assertThat(prefixes.get(0).events().get(0)).isSameAs(prefixes.get(1).events().get(0));
  }
}
