package io.disponent.store.internal.raft;

import io.disponent.store.StoreClosedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Group commit: requests from many callers travel together in one Raft entry (or one read).
 *
 * <p>At most {@code maxInFlight} batches are outstanding; while they are, new requests queue, and
 * the next batch takes everything queued up to {@code maxItems} and {@code maxBytes}. So under
 * light load a request goes out at once, alone, and under heavy load batches grow by themselves,
 * with no timer. Each request still gets its own result: the sender returns one per item, in order.
 *
 * <p>Thread-safe. {@code lock} guards the queue, the byte count, the in-flight count and closing.
 * Results complete on the sender's callback thread.
 */
final class Batcher<Q, R> implements AutoCloseable {

  record Limits(int maxItems, int maxBytes, int maxInFlight) {
    Limits {
      if (maxItems < 1 || maxBytes < 1 || maxInFlight < 1) {
        throw new IllegalArgumentException("batch limits must be positive: " + this);
      }
    }
  }

  private record Pending<Q, R>(Q item, int bytes, CompletableFuture<R> result) {}

  private final Limits limits;
  private final Function<List<Q>, CompletableFuture<List<R>>> sender;
  private final Object lock = new Object();
  private final ArrayDeque<Pending<Q, R>> queue = new ArrayDeque<>();
  private int inFlight;
  private boolean closed;

  Batcher(Limits limits, Function<List<Q>, CompletableFuture<List<R>>> sender) {
    this.limits = limits;
    this.sender = sender;
  }

  CompletableFuture<R> submit(Q item, int bytes) {
    CompletableFuture<R> result = new CompletableFuture<>();
    List<List<Pending<Q, R>>> ready;
    synchronized (lock) {
      if (closed) {
        result.completeExceptionally(new StoreClosedException());
        return result;
      }
      queue.add(new Pending<>(item, bytes, result));
      ready = drain();
    }
    ready.forEach(this::send);
    return result;
  }

  /** Takes the batches that may go now. Called with {@code lock} held. */
  private List<List<Pending<Q, R>>> drain() {
    List<List<Pending<Q, R>>> out = List.of();
    while (inFlight < limits.maxInFlight() && !queue.isEmpty()) {
      List<Pending<Q, R>> batch = new ArrayList<>(Math.min(queue.size(), limits.maxItems()));
      long bytes = 0;
      while (!queue.isEmpty() && batch.size() < limits.maxItems()
          && (batch.isEmpty() || bytes + queue.peek().bytes() <= limits.maxBytes())) {
        Pending<Q, R> p = queue.poll();
        bytes += p.bytes();
        batch.add(p);
      }
      if (out.isEmpty()) {
        out = new ArrayList<>(2);
      }
      out.add(batch);
      inFlight++;
    }
    return out;
  }

  private void send(List<Pending<Q, R>> batch) {
    List<Q> items = new ArrayList<>(batch.size());
    for (Pending<Q, R> p : batch) {
      items.add(p.item());
    }
    CompletableFuture<List<R>> sent;
    try {
      sent = sender.apply(items);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete((results, error) -> {
      List<List<Pending<Q, R>>> ready;
      synchronized (lock) {
        inFlight--;
        ready = drain();
      }
      ready.forEach(this::send);
      for (int i = 0; i < batch.size(); i++) {
        CompletableFuture<R> f = batch.get(i).result();
        if (error != null) {
          f.completeExceptionally(error);
        } else if (results == null || results.size() != batch.size()) {
          f.completeExceptionally(new IllegalStateException(
              "batch of " + batch.size() + " got " + (results == null ? 0 : results.size()) + " results"));
        } else {
          f.complete(results.get(i));
        }
      }
    });
  }

  @Override
  public void close() {
    List<Pending<Q, R>> dropped;
    synchronized (lock) {
      closed = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
    }
    dropped.forEach(p -> p.result().completeExceptionally(new StoreClosedException()));
  }
}
