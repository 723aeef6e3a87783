package io.disponent.controllers.bench;

import io.disponent.client.ApiClient;
import io.disponent.client.Gvr;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.controllers.ManagerConfig;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.controllers.reconcile.scheduler.SchedulerController;
import io.disponent.crds.model.Models;
import io.disponent.testkit.ControlPlane;
import io.disponent.testkit.HollowAgent;
import io.disponent.testkit.TaskBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Load command: the test kit's control plane (one store replica and API server), {@code nodes} hollow nodes
 * (default 1,000), one scheduler; creates {@code tasks} standalone Tasks (default 2,000) and prints placements
 * per second until all are bound.
 * Usage in controllers/README.md.
 */
public final class SchedulerBench {
  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path dir = Files.createTempDirectory("scheduler-bench");
    try (ControlPlane plane = ControlPlane.start(dir)) {
      ApiClient client = plane.client();
      plane.namespace("bench");
      long t0 = System.nanoTime();
      plane.hollowAgents(new HollowAgent.Config("bench", nodes, "8", "32Gi", "100Gi", 60,
          Duration.ofSeconds(20), ManagerConfig.SYSTEM_NAMESPACE, Map.of()));
      System.out.printf("registered %d hollow nodes in %.1f s%n", nodes, (System.nanoTime() - t0) / 1e9);
      Caches caches = new Caches(client, ManagerConfig.SYSTEM_NAMESPACE);
      Controller scheduler = new SchedulerController(client, caches, new EventRecorder(client, "bench"),
          Clock.systemUTC()).controller(1);
      for (int i = 0; i < tasks; i++) {
        client.create(Gvr.TASKS, "bench", TaskBuilder.task("bench", "t-" + i).resources("0.1", "64Mi").build());
      }
      long start = System.nanoTime();
      scheduler.start();
      caches.start();
      long bound = 0;
      while (bound < tasks) {
        Thread.sleep(500);
        bound = caches.tasks.list().stream().filter(t -> t.spec() != null && t.spec().nodeName() != null).count();
        System.out.printf("%.1f s: %d/%d bound%n", (System.nanoTime() - start) / 1e9, bound, tasks);
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("placed %d tasks on %d nodes in %.2f s: %.0f placements/s%n", tasks, nodes, secs,
          tasks / secs);
      scheduler.close();
      caches.close();
    }
    Models.MAPPER.getClass(); // keep the crds model on the class path for the JSON readers
  }
}
