package io.disponent.controllers.reconcile.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeLanesTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void whatArrivesWhileANodesRoundRunsIsFoldedIntoOneNextRound() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<Integer>> rounds = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(2);
    NodeLanes<Integer> lanes = new NodeLanes<>(pool, (node, items) -> {
      rounds.add(List.copyOf(items));
      if (rounds.size() == 1) {
        firstStarted.countDown();
        await(release);
      }
      done.countDown();
    });
    lanes.submit("n1", List.of(1));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    lanes.submit("n1", List.of(2));
    lanes.submit("n1", List.of(3, 4));
    release.countDown();
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(rounds).containsExactly(List.of(1), List.of(2, 3, 4));
  }

  @Test
  void oneRoundAtATimePerNodeAndNodesInParallel() throws Exception {
    Map<String, AtomicInteger> inRound = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger maxParallelNodes = new AtomicInteger();
    AtomicInteger nodesNow = new AtomicInteger();
    NodeLanes<Integer> lanes = new NodeLanes<>(pool, (node, items) -> {
      if (inRound.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      maxParallelNodes.accumulateAndGet(nodesNow.incrementAndGet(), Math::max);
      sleep(2);
      nodesNow.decrementAndGet();
      inRound.get(node).decrementAndGet();
      seen.addAndGet(items.size());
    });
    for (int i = 0; i < 400; i++) {
      lanes.submit("n" + (i % 4), List.of(i));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (seen.get() < 400 && System.nanoTime() < deadline) {
      sleep(5);
    }
    assertThat(seen.get()).isEqualTo(400);
    assertThat(overlaps.get()).isZero();
    assertThat(maxParallelNodes.get()).isGreaterThan(1);
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
