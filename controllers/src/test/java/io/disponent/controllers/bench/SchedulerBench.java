package io.disponent.controllers.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.controllers.ManagerConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.client.Gvr;
import io.disponent.controllers.hollow.HollowAgent;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.controllers.reconcile.scheduler.SchedulerController;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.crds.model.Models;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.internal.raft.Replica;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Load command: one store replica and API server, {@code nodes} hollow nodes (default 1,000), one scheduler;
 * creates {@code tasks} standalone Tasks (default 2,000) and prints placements per second until all are bound.
 * Usage in controllers/README.md.
 */
public final class SchedulerBench {
  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path dir = Files.createTempDirectory("scheduler-bench");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (Replica replica = Replica.start(ReplicaConfig.single("127.0.0.1:" + port, dir.resolve("store")));
        ApiServer server = ApiServer.start(replica.store(), ApiServerConfig.defaults("127.0.0.1", 0));
        ApiClient client = new ApiClient(ClientConfig.defaults(server.url()))) {
      client.create(Gvr.NAMESPACES, null, Json.object().put("apiVersion", "v1").put("kind", "Namespace")
          .set("metadata", Json.object().put("name", "bench")));
      long t0 = System.nanoTime();
      HollowAgent agent = HollowAgent.start(client, new HollowAgent.Config("bench", nodes, "8", "32Gi", "100Gi", 60,
          Duration.ofSeconds(20), ManagerConfig.SYSTEM_NAMESPACE, Map.of()), Clock.systemUTC());
      System.out.printf("registered %d hollow nodes in %.1f s%n", nodes, (System.nanoTime() - t0) / 1e9);
      Caches caches = new Caches(client, ManagerConfig.SYSTEM_NAMESPACE);
      Controller scheduler = new SchedulerController(client, caches, new EventRecorder(client, "bench"),
          Clock.systemUTC()).controller(1);
      for (int i = 0; i < tasks; i++) {
        ObjectNode t = Json.object().put("apiVersion", "disponent.io/v1").put("kind", "Task");
        t.putObject("metadata").put("name", "t-" + i).put("namespace", "bench");
        t.putObject("spec").put("shell", "sleep 1").putObject("resources").put("cpus", "0.1").put("memory", "64Mi");
        client.create(Gvr.TASKS, "bench", t);
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
      agent.close();
    }
    Models.MAPPER.getClass(); // keep the crds model on the class path for the JSON readers
  }
}
