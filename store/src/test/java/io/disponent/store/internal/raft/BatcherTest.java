package io.disponent.store.internal.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.store.StoreClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BatcherTest {
  /** A sender whose batches complete only when the test says so. */
  private final List<List<Integer>> sent = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<List<Integer>>> pending = new CopyOnWriteArrayList<>();

  private Batcher<Integer, Integer> batcher(int maxItems, int maxBytes, int inFlight) {
    return new Batcher<>(new Batcher.Limits(maxItems, maxBytes, inFlight), batch -> {
      sent.add(batch);
      CompletableFuture<List<Integer>> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    });
  }

  private void completeNext() {
    CompletableFuture<List<Integer>> f = pending.remove(0);
    List<Integer> batch = sent.get(sent.size() - pending.size() - 1);
    f.complete(batch.stream().map(i -> i * 10).toList());
  }

  @Test
  void aLoneRequestGoesAtOnceAndLaterOnesQueueUntilABatchReturns() {
    var b = batcher(100, 1 << 20, 1);
    var first = b.submit(1, 10);
    assertThat(sent).containsExactly(List.of(1));
    List<CompletableFuture<Integer>> rest = new ArrayList<>();
    for (int i = 2; i <= 5; i++) {
      rest.add(b.submit(i, 10));
    }
    assertThat(sent).hasSize(1);
    completeNext();
    assertThat(first).isCompletedWithValue(10);
    assertThat(sent).containsExactly(List.of(1), List.of(2, 3, 4, 5));
    completeNext();
    assertThat(rest).extracting(CompletableFuture::join).containsExactly(20, 30, 40, 50);
  }

  @Test
  void batchesRespectItemAndByteLimitsButAnOversizedItemStillGoesAlone() {
    var b = batcher(3, 100, 1);
    b.submit(0, 1);
    for (int i = 1; i <= 7; i++) {
      b.submit(i, i == 5 ? 500 : 40);
    }
    completeNext();
    completeNext();
    completeNext();
    completeNext();
    assertThat(sent).containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5), List.of(6, 7));
  }

  @Test
  void severalBatchesMayBeInFlight() {
    var b = batcher(100, 1 << 20, 2);
    b.submit(1, 1);
    b.submit(2, 1);
    b.submit(3, 1);
    assertThat(sent).containsExactly(List.of(1), List.of(2));
  }

  @Test
  void aFailedBatchFailsEachOfItsRequestsAndClosingFailsTheQueued() {
    var b = batcher(100, 1 << 20, 1);
    var first = b.submit(1, 1);
    var queued = b.submit(2, 1);
    pending.remove(0).completeExceptionally(new IllegalStateException("boom"));
    assertThat(first).isCompletedExceptionally();
    assertThat(sent).hasSize(2);
    var dropped = b.submit(3, 1);
    b.close();
    assertThat(dropped).isCompletedExceptionally();
    assertThatThrownBy(dropped::join).hasCauseInstanceOf(StoreClosedException.class);
    assertThat(queued).isNotDone();
    assertThatThrownBy(b.submit(4, 1)::join).hasCauseInstanceOf(StoreClosedException.class);
  }

  @Test
  void aReplyWithTheWrongNumberOfResultsFailsEveryRequestOfTheBatch() {
    // A replica that skips an entry it applied before (a replay after a restart) answers it with no
    // results: that must never be taken for anybody's result.
    var b = batcher(100, 1 << 20, 1);
    var first = b.submit(1, 1);
    var second = b.submit(2, 1);
    var third = b.submit(3, 1);
    pending.remove(0).complete(List.of(10));
    assertThat(first).isCompletedWithValue(10);
    assertThat(sent).containsExactly(List.of(1), List.of(2, 3));
    pending.remove(0).complete(List.of());
    assertThatThrownBy(second::join).hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(third::join).hasCauseInstanceOf(IllegalStateException.class);
  }
}
