package io.disponent.bench;

import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.apiserver.EmbeddedApi;
import io.disponent.store.KeyValue;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.Store;
import io.disponent.store.StoreReplica;
import io.disponent.store.WatchRequest;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The API server's cost over its store, in one run on one machine: closed-loop creates of ~1 KiB
 * Tasks over HTTP against raw {@link Store#create} of the same bytes, each system on a fresh
 * single-replica store of its own, at the same concurrency; then watch delivery delay with many
 * watchers while one writer creates Tasks at a steady rate. Everything (store, server, client)
 * runs in this one JVM.
 */
public final class ApiBench {
  static final String TASK_KEY_PREFIX = "/registry/disponent.io/tasks/default/";

  /** One measured closed-loop run; cpu in cores, this process and the rest of the machine. */
  record Result(String system, String op, int inflight, double opsPerSec, double p50Ms, double p99Ms, long failures,
      CpuMeter.Usage cpu) {}

  private ApiBench() {}

  public static void main(String[] args) throws Exception {
    ApiOptions options;
    try {
      options = ApiOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(ApiOptions.USAGE);
      System.exit(2);
      return;
    }
    int status = 0;
    Path work = Files.createTempDirectory(Files.createDirectories(options.dataDir()), "disponent-apibench.");
    try {
      log("data in %s", work);
      List<Result> results = options.inflight().isEmpty() ? List.of() : creates(options, work);
      WatchBench.Outcome watch = options.watchers() == 0 ? null : watch(options, work);
      log("done");
      ApiTables.creates(System.out, results);
      ApiTables.ratios(System.out, results);
      if (watch != null) {
        ApiTables.watch(System.out, watch);
      }
      if (options.json() != null) {
        ApiTables.writeJson(options.json(), results, watch);
      }
      if (watch != null && !watch.everyWatcherGotEveryEvent()) {
        status = 3;
      }
    } finally {
      deleteTree(work);
    }
    // The HTTP clients' and the replicas' threads would keep the JVM alive a while.
    System.exit(status);
  }

  // --- creates ---------------------------------------------------------------------------------

  private static List<Result> creates(ApiOptions options, Path work) throws Exception {
    List<Result> results = new ArrayList<>();
    try (StoreReplica storeReplica = StoreReplica.start(ReplicaConfig.onFreePort(work.resolve("store")));
        EmbeddedApi api = EmbeddedApi.onLoopback(work.resolve("api"));
        HttpDriver http = new HttpDriver(api.url(), options.clients(), options.clientThreads())) {
      Store store = storeReplica.store();
      log("API server at %s; store-only replica and the API's replica each in their own directory", api.url());
      // One request each before any window: connects, loads classes.
      http.get(http.anyClient(), "/healthz").get(30, TimeUnit.SECONDS);
      String path = WatchBench.TASKS;
      TaskBodies.Template bodies = new TaskBodies.Template();
      int probe = http.post(http.anyClient(), path, bodies.body(TaskBodies.name("probe", 0)))
          .get(30, TimeUnit.SECONDS);
      if (probe != 201) {
        throw new IllegalStateException("creating a Task answered HTTP " + probe);
      }
      store.create(TASK_KEY_PREFIX + TaskBodies.name("probe", 0), bodies.body(TaskBodies.name("probe", 0)), 0)
          .get(30, TimeUnit.SECONDS);

      // What the idle JVM (two replicas, the server, the clients, the JIT) costs, for reading the cpu columns.
      CpuMeter idle = new CpuMeter();
      Thread.sleep(Math.min(5000, options.measure().toMillis()));
      CpuMeter.Usage idleCpu = idle.stop();
      log("idle: bench %.2f cores, other %.2f cores", idleCpu.process(), idleCpu.others());
      results.add(new Result("idle", "-", 0, 0, Double.NaN, Double.NaN, 0, idleCpu));
      int hz = options.healthzInflight();
      results.add(measure("healthz", "get", hz, options,
          (w, n) -> {
            var client = http.client(w);
            return () -> http.get(client, "/healthz").thenApply(s -> s == 200);
          }));
      for (int inflight : options.inflight()) {
        AtomicLong apiSeq = new AtomicLong();
        String apiTag = "a" + inflight;
        results.add(measure("api", "create", inflight, options,
            (w, n) -> {
              var client = http.client(w);
              return () -> http.post(client, path, bodies.body(TaskBodies.name(apiTag, apiSeq.getAndIncrement())))
                  .thenApply(s -> s == 201);
            }));
        AtomicLong storeSeq = new AtomicLong();
        String storeTag = "s" + inflight;
        results.add(measure("store", "create", inflight, options,
            (w, n) -> () -> {
              String name = TaskBodies.name(storeTag, storeSeq.getAndIncrement());
              return store.create(TASK_KEY_PREFIX + name, bodies.body(name), 0).thenApply(rev -> true);
            }));
      }
      Optional<KeyValue> stored = api.store().get(TASK_KEY_PREFIX + TaskBodies.name("probe", 0))
          .get(30, TimeUnit.SECONDS);
      log("a Task is %d bytes as sent (and as the store-only runs put it), %d bytes as the API server stores it",
          TaskBodies.BYTES, stored.map(kv -> kv.value().length).orElse(-1));
    }
    return results;
  }

  private static Result measure(String system, String op, int inflight, ApiOptions options, Workers workers) {
    CpuMeter cpu = new CpuMeter();
    ClosedLoop.Outcome o = new ClosedLoop().run(workers, inflight, options.warmup(), options.measure());
    CpuMeter.Usage usage = cpu.stop();
    Histogram h = o.latencies();
    boolean empty = h.getTotalCount() == 0;
    Result r = new Result(system, op, inflight, h.getTotalCount() / o.seconds(),
        empty ? Double.NaN : h.getValueAtPercentile(50) / 1000.0,
        empty ? Double.NaN : h.getValueAtPercentile(99) / 1000.0, o.failures(), usage);
    log("%s", ApiTables.object(r));
    if (o.firstError() != null) {
      log("%s %s x%d: %d failed, first: %s", system, op, inflight, o.failures(), o.firstError());
    }
    return r;
  }

  // --- watch -----------------------------------------------------------------------------------

  private static WatchBench.Outcome watch(ApiOptions options, Path work) throws Exception {
    Map<String, AtomicInteger> storeWatches = new ConcurrentHashMap<>();
    try (StoreReplica replica = StoreReplica.start(ReplicaConfig.onFreePort(work.resolve("watch")));
        ApiServer api = ApiServer.start(countingWatches(replica.store(), storeWatches),
            ApiServerConfig.defaults("127.0.0.1", 0));
        HttpDriver writer = new HttpDriver(api.url(), options.clients(), options.clientThreads());
        HttpDriver streams = new HttpDriver(api.url(), options.watchClients(), options.clientThreads())) {
      log("watch: fresh store and API server at %s", api.url());
      writer.get(writer.anyClient(), "/healthz").get(30, TimeUnit.SECONDS);
      WatchBench bench = new WatchBench(writer, streams, options.watchers(), options.watchRate(),
          options.watchWindow(), options.drainTimeout(), () -> snapshot(storeWatches));
      return bench.run(options.warmup());
    }
  }

  private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The store, counting the watches opened on it by the key they start at. */
  static Store countingWatches(Store delegate, Map<String, AtomicInteger> counts) {
    return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> {
          if (method.getName().equals("watch") && args != null && args.length == 2
              && args[0] instanceof WatchRequest r) {
            counts.computeIfAbsent(r.range().key(), k -> new AtomicInteger()).incrementAndGet();
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  // --- plumbing --------------------------------------------------------------------------------

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log("could not remove %s: %s", root, e);
    }
  }

  private static final long STARTED = System.nanoTime();

  static void log(String format, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = (System.nanoTime() - STARTED) / 1e9;
    System.arraycopy(args, 0, all, 1, args.length);
    System.err.printf("[%6.1fs] " + format + "%n", all);
  }

}
