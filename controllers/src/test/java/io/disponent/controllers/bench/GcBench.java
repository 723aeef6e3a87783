package io.disponent.controllers.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Informer;
import io.disponent.controllers.reconcile.Json;
import io.disponent.controllers.reconcile.gc.GarbageCollector;
import io.disponent.testkit.ControlPlane;
import io.disponent.testkit.ServiceBuilder;
import io.disponent.testkit.TaskBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load command: the test kit's control plane and the garbage collector alone ({@code workers}, default 4); for
 * each propagation policy (Background, then Foreground) creates one Service and {@code n} Tasks it owns
 * (default 10,000, created by {@code workers} threads), deletes the Service and prints how long until all are
 * gone, next to the create rate of the same Tasks, and the p99 of another client's GETs meanwhile.
 * Usage in controllers/README.md.
 */
public final class GcBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path dir = Files.createTempDirectory("gc-bench");
    try (ControlPlane plane = ControlPlane.start(dir)) {
      ApiClient client = plane.client();
      plane.namespace("bench");
      Informer<JsonNode> tasks = Informer.of(client, Gvr.TASKS).start();
      Controller gc = new GarbageCollector(client, new EventRecorder(client, "bench")).controller(workers).start();
      System.out.println("| policy | Tasks | create | created/s | create p99 GET | collect | collected/s | collect p99 GET |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      for (String policy : List.of("Background", "Foreground")) {
        run(client, tasks, policy, n, workers);
      }
      gc.close();
      tasks.close();
    }
  }

  private static void run(ApiClient client, Informer<JsonNode> tasks, String policy, int n, int workers)
      throws Exception {
    String owner = "owner-" + policy.toLowerCase();
    JsonNode service = client.create(Gvr.SERVICES, "bench", ServiceBuilder.service("bench", owner).instances(0)
        .shell("sleep 1").build());
    Probe createProbe = Probe.start(client);
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> creators = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int first = w;
      creators.add(pool.submit(() -> {
        for (int i = first; i < n; i += workers) {
          ObjectNode t = TaskBuilder.task("bench", owner + "-" + i).resources("0.1", "16Mi").build();
          ((ObjectNode) t.path("metadata")).putArray("ownerReferences").addObject()
              .put("apiVersion", "disponent.io/v1").put("kind", "Service").put("name", owner)
              .put("uid", Json.uid(service)).put("blockOwnerDeletion", true);
          client.create(Gvr.TASKS, "bench", t);
        }
      }));
    }
    for (Future<?> f : creators) {
      f.get();
    }
    pool.shutdown();
    double create = (System.nanoTime() - t0) / 1e9;
    long createP99 = createProbe.stop();
    while (tasks.list("bench").size() < n) {
      Thread.sleep(100);
    }

    Probe collectProbe = Probe.start(client);
    long t1 = System.nanoTime();
    client.delete(Gvr.SERVICES, "bench", owner, DeleteOptions.propagation(policy));
    while (!tasks.list("bench").isEmpty() || exists(client, owner)) {
      Thread.sleep(50);
    }
    double collect = (System.nanoTime() - t1) / 1e9;
    long collectP99 = collectProbe.stop();
    System.out.printf("| %s | %,d | %.1f s | %.0f | %d ms | %.1f s | %.0f | %d ms |%n", policy, n, create, n / create,
        createP99, collect, n / collect, collectP99);
  }

  private static boolean exists(ApiClient client, String name) {
    try {
      client.get(Gvr.SERVICES, "bench", name);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Another client: a GET of a Namespace every 20 ms; its p99 latency in ms. */
  private static final class Probe {
    private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    static Probe start(ApiClient client) {
      Probe p = new Probe();
      p.thread = new Thread(() -> {
        while (p.running.get()) {
          long s = System.nanoTime();
          client.get(Gvr.NAMESPACES, null, "bench");
          p.millis.add((System.nanoTime() - s) / 1_000_000);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "probe");
      p.thread.setDaemon(true);
      p.thread.start();
      return p;
    }

    long stop() throws InterruptedException {
      running.set(false);
      thread.join();
      List<Long> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
    }
  }
}
