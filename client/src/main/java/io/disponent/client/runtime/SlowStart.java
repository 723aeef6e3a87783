package io.disponent.client.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * client-go's slow-start batches: runs {@code fn} over {@code items} in batches of 1, 2, 4, … (at
 * most {@code maxBatch}) in parallel, and stops after the first batch in which a call failed, so a
 * quota or validation error costs one failed call, not N. Results come back in the items' order.
 */
public final class SlowStart {

  /** An item whose call succeeded, with what it returned. */
  public record Done<T, R>(T item, R result) {}

  /** The calls that succeeded (in the items' order), and the first failure (null when all ran). */
  public record Outcome<T, R>(List<Done<T, R>> done, RuntimeException failure) {
    /** Throws the failure, if any. */
    public void orThrow() {
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Shared by every controller of the process: writes wait on the network, not on the CPU. */
  private static final ThreadPoolExecutor POOL = pool(32);

  private SlowStart() {}

  public static <T, R> Outcome<T, R> run(List<T> items, int maxBatch, Function<T, R> fn) {
    return run(items, maxBatch, POOL, fn);
  }

  public static <T, R> Outcome<T, R> run(List<T> items, int maxBatch, Executor executor, Function<T, R> fn) {
    List<Done<T, R>> done = new ArrayList<>(items.size());
    int next = 0;
    int batch = 1;
    while (next < items.size()) {
      int end = Math.min(items.size(), next + batch);
      List<T> batchItems = items.subList(next, end);
      List<CompletableFuture<R>> calls = new ArrayList<>();
      for (T item : batchItems) {
        calls.add(end - next == 1 ? completed(fn, item) : CompletableFuture.supplyAsync(() -> fn.apply(item), executor));
      }
      RuntimeException failure = null;
      for (int i = 0; i < calls.size(); i++) {
        try {
          done.add(new Done<>(batchItems.get(i), calls.get(i).join()));
        } catch (CompletionException e) {
          failure = failure != null ? failure
              : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
      if (failure != null) {
        return new Outcome<>(done, failure);
      }
      next = end;
      batch = Math.min(maxBatch, batch * 2);
    }
    return new Outcome<>(done, null);
  }

  private static ThreadPoolExecutor pool(int threads) {
    ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        DaemonThreads.named("slow-start"));
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /** A batch of one runs on the caller's thread. */
  private static <T, R> CompletableFuture<R> completed(Function<T, R> fn, T item) {
    try {
      return CompletableFuture.completedFuture(fn.apply(item));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
