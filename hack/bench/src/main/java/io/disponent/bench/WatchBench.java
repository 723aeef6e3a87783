package io.disponent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Watch delivery: N watchers stream Tasks from the list's resourceVersion while one writer
 * creates Tasks at a steady rate; every line a watcher receives is timed against the time the
 * writer sent that object and the time its 201 came back.
 */
final class WatchBench {
  static final String TASKS = "/apis/disponent.io/v1/namespaces/default/tasks";
  private static final String TAG = "w";
  private static final byte[] ADDED = "{\"type\":\"ADDED\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BOOKMARK = "{\"type\":\"BOOKMARK\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NAME = ("\"name\":\"" + TAG + "-").getBytes(StandardCharsets.UTF_8);
  private static final AtomicInteger SHOWN = new AtomicInteger();
  private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);

  /** What one watch run measured; latencies in milliseconds. */
  record Outcome(
      int watchers, int rateTarget, double seconds, long sent, long created, long failedWrites, double writesPerSec,
      double postP50Ms, double postP99Ms,
      long expectedPairs, long deliveredPairs, long duplicates, long unknownLines, int completeWatchers,
      int endedEarly, String firstError, double drainSeconds,
      double commitP50Ms, double commitP99Ms, double commitP999Ms, double commitMaxMs, long beforeCommit,
      double sendP50Ms, double sendP99Ms, double sendP999Ms, double sendMaxMs,
      Map<String, Long> registeredWatchers, Map<String, Integer> storeWatches,
      CpuMeter.Usage cpu) {

    boolean everyWatcherGotEveryEvent() {
      return completeWatchers == watchers && deliveredPairs == expectedPairs && duplicates == 0;
    }
  }

  private final HttpDriver writer;
  private final HttpDriver streams;
  private final int watchers;
  private final int rate;
  private final Duration window;
  private final Duration drainTimeout;
  private final Supplier<Map<String, Integer>> storeWatches;
  private final int events;
  private final long[] sentAt;
  private final long[] committedAt;
  private final long[][] receivedAt;
  private final LongAdder delivered = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder unknown = new LongAdder();
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicReference<String> firstError = new AtomicReference<>();

  WatchBench(HttpDriver writer, HttpDriver streams, int watchers, int rate, Duration window, Duration drainTimeout,
      Supplier<Map<String, Integer>> storeWatches) {
    this.writer = writer;
    this.streams = streams;
    this.watchers = watchers;
    this.rate = rate;
    this.window = window;
    this.drainTimeout = drainTimeout;
    this.storeWatches = storeWatches;
    this.events = (int) Math.max(1, rate * window.toMillis() / 1000);
    this.sentAt = new long[events];
    this.committedAt = new long[events];
    this.receivedAt = new long[watchers][events];
  }

  Outcome run(Duration warmup) throws Exception {
    warmUp(warmup);
    // A list without a limit is served by (and starts) the watch cache; its resourceVersion is
    // the cache's, so a watch from it is served from the cache.
    String list = writer.getString(TASKS);
    String rv = new ObjectMapper().readTree(list).path("metadata").path("resourceVersion").asText();
    ApiBench.log("watch: list resourceVersion %s; opening %d watches", rv, watchers);
    List<LineSplitter> splitters = new ArrayList<>();
    for (int w = 0; w < watchers; w++) {
      LineSplitter c = new LineSplitter(new Deliveries(w));
      splitters.add(c);
      HttpRequest request = HttpRequest.newBuilder(
              streams.uri(TASKS + "?watch=true&resourceVersion=" + rv + "&timeoutSeconds=3600"))
          .header("Accept", "application/json").GET().build();
      streams.client(w).sendAsync(request, HttpResponse.BodyHandlers.fromSubscriber(c))
          .whenComplete((r, e) -> {
            if (e != null) {
              firstError.compareAndSet(null, "watch: " + e);
            } else if (r.statusCode() != 200) {
              firstError.compareAndSet(null, "watch: HTTP " + r.statusCode());
            }
          });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    Map<String, Long> registered = Map.of();
    while (System.nanoTime() < deadline) {
      registered = registeredWatchers(writer.getString("/metrics"));
      long tasks = registered.entrySet().stream().filter(e -> e.getKey().contains("/tasks/"))
          .mapToLong(Map.Entry::getValue).sum();
      if (tasks >= watchers) {
        break;
      }
      Thread.sleep(100);
    }
    ApiBench.log("watch: server has %s watchers registered; writing %d Tasks at %d/s", registered, events, rate);

    TaskBodies.Template bodies = new TaskBodies.Template();
    Histogram post = new Histogram(HIGHEST_MICROS, 3);
    AtomicLong created = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    CompletableFuture<?>[] posts = new CompletableFuture<?>[events];
    CpuMeter cpu = new CpuMeter();
    long start = System.nanoTime();
    long period = 1_000_000_000L / rate;
    for (int i = 0; i < events; i++) {
      long due = start + i * period;
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      final int seq = i;
      byte[] body = bodies.body(TaskBodies.name(TAG, seq));
      sentAt[seq] = System.nanoTime();
      posts[seq] = writer.post(writer.client(seq), TASKS, body).whenComplete((status, e) -> {
        long now = System.nanoTime();
        if (e == null && status == 201) {
          committedAt[seq] = now;
          created.incrementAndGet();
          synchronized (post) {
            post.recordValue(Math.min(HIGHEST_MICROS, (now - sentAt[seq]) / 1000));
          }
        } else {
          failed.incrementAndGet();
          firstError.compareAndSet(null, "create: " + (e != null ? e : "HTTP " + status));
        }
      });
    }
    double writeSeconds = (System.nanoTime() - start) / 1e9;
    CompletableFuture.allOf(posts).handle((v, e) -> null).get(120, TimeUnit.SECONDS);
    long lastCommit = 0;
    for (long c : committedAt) {
      lastCommit = Math.max(lastCommit, c);
    }
    double createSeconds = lastCommit == 0 ? writeSeconds : (lastCommit - start) / 1e9;
    long expected = created.get() * watchers;
    long drainStart = System.nanoTime();
    long drainDeadline = drainStart + drainTimeout.toNanos();
    while (delivered.sum() < expected && System.nanoTime() < drainDeadline
        && ended.get() < watchers) {
      Thread.sleep(20);
    }
    double drained = (System.nanoTime() - drainStart) / 1e9;
    CpuMeter.Usage usage = cpu.stop();
    Map<String, Long> registeredAfter = registeredWatchers(writer.getString("/metrics"));
    splitters.forEach(LineSplitter::cancel);
    ApiBench.log("watch: %d of %d deliveries %.1f s after the last write", delivered.sum(), expected, drained);

    Histogram fromCommit = new Histogram(HIGHEST_MICROS, 3);
    Histogram fromSend = new Histogram(HIGHEST_MICROS, 3);
    long before = 0;
    int complete = 0;
    for (int w = 0; w < watchers; w++) {
      boolean all = true;
      for (int seq = 0; seq < events; seq++) {
        long got = receivedAt[w][seq];
        if (committedAt[seq] == 0) {
          continue;
        }
        if (got == 0) {
          all = false;
          continue;
        }
        long c = got - committedAt[seq];
        if (c < 0) {
          before++;
        }
        fromCommit.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, c) / 1000));
        fromSend.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, got - sentAt[seq]) / 1000));
      }
      if (all) {
        complete++;
      }
    }
    return new Outcome(watchers, rate, writeSeconds, events, created.get(), failed.get(), created.get() / createSeconds,
        ms(post, 50), ms(post, 99),
        expected, delivered.sum(), duplicates.sum(), unknown.sum(), complete, ended.get(), firstError.get(), drained,
        ms(fromCommit, 50), ms(fromCommit, 99), ms(fromCommit, 99.9), max(fromCommit), before,
        ms(fromSend, 50), ms(fromSend, 99), ms(fromSend, 99.9), max(fromSend),
        mergeMax(registered, registeredAfter), storeWatches.get(), usage);
  }

  /**
   * Creates Tasks closed loop (16 in flight) before the watches open, so the create path is
   * compiled when the measured writes start; the watches begin after these objects.
   */
  private void warmUp(Duration warmup) throws Exception {
    if (warmup.isZero()) {
      return;
    }
    TaskBodies.Template bodies = new TaskBodies.Template();
    AtomicLong seq = new AtomicLong();
    ClosedLoop.Outcome o = new ClosedLoop().run((w, n) -> {
      var client = writer.client(w);
      return () -> writer.post(client, TASKS, bodies.body(TaskBodies.name("warm", seq.getAndIncrement())))
          .thenApply(s -> s == 201);
    }, 16, Duration.ZERO, warmup);
    ApiBench.log("watch: warm-up created %d Tasks in %.1f s (%d failed)", o.latencies().getTotalCount(),
        o.seconds(), o.failures());
  }

  private static Map<String, Long> mergeMax(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new LinkedHashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Math::max));
    return out;
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }

  private static double max(Histogram h) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
  }

  /** {@code apiserver_registered_watchers{resource="..."} N} lines of a scrape. */
  static Map<String, Long> registeredWatchers(String metrics) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("apiserver_registered_watchers{")) {
        int q1 = line.indexOf('"');
        int q2 = line.indexOf('"', q1 + 1);
        String value = line.substring(line.lastIndexOf(' ') + 1);
        out.put(line.substring(q1 + 1, q2), (long) Double.parseDouble(value));
      }
    }
    return out;
  }

  /** Counts one watcher's lines: each ADDED Task's arrival time, duplicates and strays. */
  private final class Deliveries implements LineSplitter.Sink {
    private final int watcher;

    Deliveries(int watcher) {
      this.watcher = watcher;
    }

    @Override
    public void line(byte[] head, int headLength, long now) {
      if (!startsWith(head, headLength, ADDED)) {
        if (!startsWith(head, headLength, BOOKMARK)) {
          unknown.increment();
          firstError.compareAndSet(null, "watch line: " + new String(head, 0, headLength, StandardCharsets.UTF_8));
        }
        return;
      }
      if (SHOWN.getAndIncrement() == 0) {
        ApiBench.log("watch: the first event line starts %s", new String(head, 0, headLength, StandardCharsets.UTF_8));
      }
      int at = indexOf(head, headLength, NAME);
      if (at < 0) {
        unknown.increment();
        return;
      }
      int seq = 0;
      for (int i = at + NAME.length; i < headLength && head[i] >= '0' && head[i] <= '9'; i++) {
        seq = seq * 10 + (head[i] - '0');
      }
      if (seq >= events) {
        unknown.increment();
        return;
      }
      if (receivedAt[watcher][seq] != 0) {
        duplicates.increment();
        return;
      }
      receivedAt[watcher][seq] = now;
      delivered.increment();
    }

    @Override
    public void ended(Throwable error) {
      ended.incrementAndGet();
      if (error != null) {
        firstError.compareAndSet(null, "watch stream: " + error);
      }
    }
  }

  private static boolean startsWith(byte[] a, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (a[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] a, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (a[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
