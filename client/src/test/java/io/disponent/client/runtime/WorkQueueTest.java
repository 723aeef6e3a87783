package io.disponent.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkQueueTest {

  /** A script of steps against a queue and the keys a drain by poll() gives at the end. */
  record Case(String name, BiConsumer<WorkQueue<String>, FakeClock> steps, List<String> drained) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("adds keep order", (q, c) -> {
          q.add("a");
          q.add("b");
          q.add("c");
        }, List.of("a", "b", "c")),
        new Case("duplicates collapse", (q, c) -> {
          q.add("a");
          q.add("b");
          q.add("a");
        }, List.of("a", "b")),
        new Case("added while processing: once more after done", (q, c) -> {
          q.add("a");
          assertThat(q.poll()).contains("a");
          q.add("a");
          q.add("a");
          assertThat(q.poll()).isEmpty();
          q.done("a");
        }, List.of("a")),
        new Case("not re-added while processing: gone after done", (q, c) -> {
          q.add("a");
          q.poll();
          q.done("a");
        }, List.of()),
        new Case("addAfter waits for the clock", (q, c) -> {
          q.addAfter("a", Duration.ofSeconds(1));
          assertThat(q.poll()).isEmpty();
          c.advance(Duration.ofMillis(999));
          assertThat(q.poll()).isEmpty();
          c.advance(Duration.ofMillis(1));
        }, List.of("a")),
        new Case("earlier addAfter wins", (q, c) -> {
          q.addAfter("a", Duration.ofSeconds(10));
          q.addAfter("a", Duration.ofSeconds(1));
          q.addAfter("a", Duration.ofSeconds(5));
          c.advance(Duration.ofSeconds(1));
          assertThat(q.waitingLen()).isEqualTo(1);
        }, List.of("a")),
        new Case("delayed keys come out by ready time", (q, c) -> {
          q.addAfter("late", Duration.ofSeconds(2));
          q.addAfter("early", Duration.ofSeconds(1));
          c.advance(Duration.ofSeconds(3));
        }, List.of("early", "late")),
        new Case("delayed key already queued is not duplicated", (q, c) -> {
          q.add("a");
          q.addAfter("a", Duration.ofSeconds(1));
          c.advance(Duration.ofSeconds(1));
        }, List.of("a")),
        new Case("rate-limited: 5ms, 10ms, 20ms per key", (q, c) -> {
          q.addRateLimited("a");
          q.addRateLimited("a");
          q.addRateLimited("a");
          assertThat(q.failures("a")).isEqualTo(3);
          c.advance(Duration.ofMillis(4));
          assertThat(q.poll()).isEmpty();
          c.advance(Duration.ofMillis(1));
        }, List.of("a")),
        new Case("backoff grows until forget", (q, c) -> {
          for (int i = 0; i < 4; i++) {
            q.addRateLimited("a");
            c.advance(Duration.ofSeconds(1));
            assertThat(q.poll()).contains("a");
            q.done("a");
          }
          q.addRateLimited("a"); // 5th failure: 80 ms
          c.advance(Duration.ofMillis(79));
          assertThat(q.poll()).isEmpty();
          c.advance(Duration.ofMillis(1));
          assertThat(q.poll()).contains("a");
          q.done("a");
          q.forget("a");
          assertThat(q.failures("a")).isZero();
          q.addRateLimited("a"); // back to 5 ms
          c.advance(Duration.ofMillis(5));
        }, List.of("a")),
        new Case("shutdown drops new adds", (q, c) -> {
          q.add("a");
          q.shutDown();
          q.add("b");
          q.addAfter("c", Duration.ofMillis(1));
          c.advance(Duration.ofSeconds(1));
        }, List.of("a")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void script(Case c) {
    FakeClock clock = new FakeClock();
    WorkQueue<String> q = new WorkQueue<>(Backoff.ITEM_DEFAULT, 10, 100, clock);
    c.steps().accept(q, clock);
    List<String> out = new ArrayList<>();
    Optional<String> k;
    while ((k = q.poll()).isPresent()) {
      out.add(k.get());
      q.done(k.get());
    }
    assertThat(out).isEqualTo(c.drained());
  }

  @Test
  void globalLimitDelaysBeyondTheBurst() {
    FakeClock clock = new FakeClock();
    WorkQueue<String> q = new WorkQueue<>(Backoff.ITEM_DEFAULT, 10, 100, clock);
    for (int i = 0; i < 110; i++) {
      q.addRateLimited("k" + i);
    }
    clock.advance(Duration.ofMillis(5));
    assertThat(q.len()).isEqualTo(100);
    clock.advance(Duration.ofMillis(995));
    assertThat(q.len()).isEqualTo(110);
  }

  @Test
  void takeBlocksUntilAddAndAnswersNullAfterShutdown() throws Exception {
    WorkQueue<String> q = WorkQueue.withDefaults();
    CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> {
      try {
        return q.take();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    q.add("x");
    assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo("x");
    q.shutDown();
    assertThat(q.take()).isNull();
  }

  @Test
  void takeWakesForADelayedKeyOnTheRealClock() throws Exception {
    WorkQueue<String> q = WorkQueue.withDefaults();
    q.addAfter("x", Duration.ofMillis(50));
    long t0 = System.nanoTime();
    assertThat(q.take()).isEqualTo("x");
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
  }
}
