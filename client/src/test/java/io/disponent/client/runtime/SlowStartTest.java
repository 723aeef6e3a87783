package io.disponent.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlowStartTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @ParameterizedTest(name = "{0} items, batches up to {1}: calls {2}")
  @CsvSource({
      "0, 32, 0",
      "1, 32, 1",
      "7, 32, 7",
      "100, 32, 100",
      "10, 1, 10",
  })
  void runsEveryItemInOrderWhenNothingFails(int items, int maxBatch, int calls) {
    List<Integer> in = IntStream.range(0, items).boxed().toList();
    List<Integer> called = Collections.synchronizedList(new ArrayList<>());
    SlowStart.Outcome<Integer, Integer> out = SlowStart.run(in, maxBatch, pool, i -> {
      called.add(i);
      return i * 10;
    });
    assertThat(called).hasSize(calls);
    assertThat(out.failure()).isNull();
    assertThat(out.done()).isEqualTo(in.stream().map(i -> new SlowStart.Done<>(i, i * 10)).toList());
  }

  /**
   * Batches 1, 2, 4, 8: a failure at item 5 (third batch, items 3-6) stops before the fourth batch;
   * the other calls of the failed batch count as done, each with its own item.
   */
  @ParameterizedTest(name = "failing item {0}: {1} calls, {2} done")
  @CsvSource({
      "0, 1, 0",
      "1, 3, 2",
      "2, 3, 2",
      "5, 7, 6",
      "14, 15, 14",
  })
  void stopsAfterTheBatchWithTheFirstFailure(int failing, int calls, int results) {
    List<Integer> in = IntStream.range(0, 40).boxed().toList();
    List<Integer> called = Collections.synchronizedList(new ArrayList<>());
    SlowStart.Outcome<Integer, Integer> out = SlowStart.run(in, 32, pool, i -> {
      called.add(i);
      if (i == failing) {
        throw new IllegalStateException("no " + i);
      }
      return -i;
    });
    assertThat(called).hasSize(calls);
    assertThat(out.done()).hasSize(results).allMatch(d -> d.result() == -d.item() && d.item() != failing);
    assertThat(out.failure()).hasMessage("no " + failing);
    assertThatThrownBy(out::orThrow).hasMessage("no " + failing);
  }
}
