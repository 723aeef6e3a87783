package io.disponent.client.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A de-duplicating, rate-limited, delaying work queue of keys (client-go's workqueue).
 *
 * <ul>
 *   <li>A key is queued at most once; a key added while a worker processes it is queued again
 *       once, after {@link #done}. No key is processed by two workers at once.
 *   <li>{@link #addRateLimited} delays by the larger of the key's exponential backoff (failures
 *       so far) and a global token bucket; {@link #forget} clears the key's failures.
 *   <li>{@link #addAfter} delays; of two delays for one key the earlier wins.
 * </ul>
 *
 * <p>Thread-safe; {@code lock} guards every field below it. Time comes from the injected clock:
 * tests advance a fake clock and call {@link #poll}.
 */
public final class WorkQueue<K> {

  private final InstantSource clock;
  private final Backoff backoff;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  /** Keys that need processing: queued, or added again while processing. */
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final PriorityQueue<Waiting<K>> waiting = new PriorityQueue<>();
  private final Map<K, Waiting<K>> waitingByKey = new HashMap<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private final TokenBucket bucket;
  private long seq;
  private boolean shutDown;

  private record Waiting<K>(K key, Instant readyAt, long seq) implements Comparable<Waiting<K>> {
    @Override
    public int compareTo(Waiting<K> o) {
      int c = readyAt.compareTo(o.readyAt);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /**
   * @param backoff per-key backoff of {@link #addRateLimited}
   * @param qps global rate of {@link #addRateLimited}
   * @param burst tokens saved up by the global limit
   */
  public WorkQueue(Backoff backoff, double qps, int burst, InstantSource clock) {
    this.clock = clock;
    this.backoff = backoff;
    this.bucket = new TokenBucket(qps, burst, clock.instant());
  }

  /** 5 ms → 1000 s per key, 10 qps with a burst of 100, the system clock. */
  public static <K> WorkQueue<K> withDefaults() {
    return new WorkQueue<>(Backoff.ITEM_DEFAULT, 10, 100, InstantSource.system());
  }

  public void add(K key) {
    lock.lock();
    try {
      if (shutDown || !dirty.add(key)) {
        return;
      }
      if (!processing.contains(key)) {
        queue.addLast(key);
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Adds after {@code delay}; a key already waiting keeps the earlier of the two times. */
  public void addAfter(K key, Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      add(key);
      return;
    }
    lock.lock();
    try {
      if (shutDown) {
        return;
      }
      Instant at = clock.instant().plus(delay);
      Waiting<K> old = waitingByKey.get(key);
      if (old != null) {
        if (!at.isBefore(old.readyAt())) {
          return;
        }
        waiting.remove(old);
      }
      Waiting<K> w = new Waiting<>(key, at, seq++);
      waiting.add(w);
      waitingByKey.put(key, w);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Adds after the key's backoff (which grows with each call until {@link #forget}) and the global limit. */
  public void addRateLimited(K key) {
    Duration delay;
    lock.lock();
    try {
      int n = failures.merge(key, 1, Integer::sum) - 1;
      Duration item = backoff.delay(n);
      Duration global = bucket.reserve(clock.instant());
      delay = item.compareTo(global) >= 0 ? item : global;
    } finally {
      lock.unlock();
    }
    addAfter(key, delay);
  }

  /** Clears the key's failure count (call after a success). */
  public void forget(K key) {
    lock.lock();
    try {
      failures.remove(key);
    } finally {
      lock.unlock();
    }
  }

  /** How many times the key has failed since it was last forgotten. */
  public int failures(K key) {
    lock.lock();
    try {
      return failures.getOrDefault(key, 0);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until a key is ready and marks it processing; the caller must call {@link #done}.
   * Answers null once the queue is shut down.
   */
  public K take() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        K k = next();
        if (k != null) {
          return k;
        }
        if (shutDown) {
          return null;
        }
        Waiting<K> first = waiting.peek();
        long nanos = first == null ? TimeUnit.SECONDS.toNanos(1)
            : Math.max(1, Math.min(TimeUnit.SECONDS.toNanos(1),
                Duration.between(clock.instant(), first.readyAt()).toNanos()));
        changed.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Like {@link #take} without blocking. */
  public Optional<K> poll() {
    lock.lock();
    try {
      return Optional.ofNullable(next());
    } finally {
      lock.unlock();
    }
  }

  /** The worker finished the key; if it was added meanwhile it is queued again. */
  public void done(K key) {
    lock.lock();
    try {
      processing.remove(key);
      if (dirty.contains(key)) {
        queue.addLast(key);
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Keys ready to be taken (not those waiting for a delay, nor those processing). */
  public int len() {
    lock.lock();
    try {
      promote();
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Keys waiting for their delay. */
  public int waitingLen() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Stops accepting keys; {@link #take} answers what is queued, then null. */
  public void shutDown() {
    lock.lock();
    try {
      shutDown = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean isShutDown() {
    lock.lock();
    try {
      return shutDown;
    } finally {
      lock.unlock();
    }
  }

  // under lock
  private K next() {
    promote();
    K k = queue.pollFirst();
    if (k != null) {
      dirty.remove(k);
      processing.add(k);
    }
    return k;
  }

  // under lock: moves waiting keys whose time has come to the queue
  private void promote() {
    Instant now = clock.instant();
    while (!waiting.isEmpty() && !waiting.peek().readyAt().isAfter(now)) {
      Waiting<K> w = waiting.poll();
      waitingByKey.remove(w.key());
      if (!shutDown && dirty.add(w.key()) && !processing.contains(w.key())) {
        queue.addLast(w.key());
      }
    }
  }
}
