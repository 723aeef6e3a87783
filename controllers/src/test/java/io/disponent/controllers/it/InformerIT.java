package io.disponent.controllers.it;

import static io.disponent.controllers.reconcile.Json.resourceVersion;
import static io.disponent.testkit.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.cache.WatchCacheConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.PatchType;
import io.disponent.client.runtime.Backoff;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventHandler;
import io.disponent.client.runtime.Indexers;
import io.disponent.client.runtime.Informer;
import io.disponent.client.runtime.Key;
import io.disponent.client.runtime.Result;
import io.disponent.crds.model.Models;
import io.disponent.testkit.ControlPlane;
import io.disponent.testkit.Namespaces;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InformerIT {
  private static final ObjectMapper JSON = Models.MAPPER;

  @TempDir static Path dir;
  static ControlPlane server;
  static ApiClient direct;

  @BeforeAll
  static void start() {
    server = ControlPlane.start(dir, c -> c.withWatchCache(WatchCacheConfig.DEFAULT.withEventWindow(5)));
    direct = new ApiClient(ClientConfig.defaults(server.url()));
    direct.create(Gvr.NAMESPACES, null, Namespaces.namespace("inf"));
    direct.create(Gvr.NAMESPACES, null, Namespaces.namespace("ctl"));
  }

  @AfterAll
  static void stop() {
    if (direct != null) {
      direct.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void convergesAcrossChangesAndAcrossAPartitionThatEndsIn410() throws Exception {
    direct.create(Gvr.TASKS, "inf", task("inf", "t1").node("n1").build());
    direct.create(Gvr.TASKS, "inf", task("inf", "t2").build());
    List<String> deleted = new CopyOnWriteArrayList<>();
    try (Partition net = new Partition(server.url());
        ApiClient client = new ApiClient(ClientConfig.defaults(net.url())
            .withRetry(2, Duration.ofMillis(20), Duration.ofMillis(100))
            .withBreaker(50, 10, Duration.ofMillis(200)));
        Informer<TaskView> tasks = new Informer<>(client, Gvr.TASKS, "inf", null, null, TaskView::of)) {
      tasks.withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)))
          .addIndex("node", Indexers.byField("spec.nodeName"))
          .addIndex("app", Indexers.byLabel("app"))
          .addHandler(new EventHandler() {
            @Override
            public void onDelete(JsonNode object) {
              deleted.add(object.path("metadata").path("name").asText());
            }
          })
          .start();
      await().atMost(Duration.ofSeconds(10)).until(tasks::hasSynced);
      assertThat(names(tasks)).containsExactlyInAnyOrder("t1", "t2");
      assertThat(tasks.byIndex("node", "n1")).extracting(t -> t.name()).containsExactly("t1");

      direct.create(Gvr.TASKS, "inf", task("inf", "t3").node("n1").build());
      direct.patch(Gvr.TASKS, "inf", "t2", PatchType.MERGE, JSON.readTree("{\"metadata\":{\"labels\":{\"app\":\"web\"}}}"));
      direct.delete(Gvr.TASKS, "inf", "t1", DeleteOptions.DEFAULT);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(names(tasks)).containsExactlyInAnyOrder("t2", "t3");
        assertThat(tasks.byIndex("node", "n1")).extracting(t -> t.name()).containsExactly("t3");
        assertThat(tasks.byIndex("app", "web")).extracting(t -> t.name()).containsExactly("t2");
        assertThat(deleted).containsExactly("t1");
      });
      String before = tasks.lastResourceVersion();

      // partition: meanwhile t2 goes, 8 tasks come (past the 5-event window) and the store compacts
      net.cut();
      direct.delete(Gvr.TASKS, "inf", "t2", DeleteOptions.DEFAULT);
      String last = null;
      for (int i = 4; i < 12; i++) {
        last = resourceVersion(direct.create(Gvr.TASKS, "inf", task("inf", "t" + i).build()));
      }
      server.store().compact(Long.parseLong(last)).get(10, TimeUnit.SECONDS);
      Thread.sleep(300); // let the informer fail a few times against the cut network
      net.heal();
      long compactedAt = Long.parseLong(last);

      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
        assertThat(names(tasks)).hasSize(9).contains("t3", "t4", "t11").doesNotContain("t2");
        assertThat(deleted).containsExactly("t1", "t2");
        assertThat(tasks.byIndex("app", "web")).isEmpty();
        assertThat(Long.parseLong(tasks.lastResourceVersion())).isGreaterThanOrEqualTo(compactedAt);
      });
      assertThat(Long.parseLong(before)).isLessThan(Long.parseLong(last));
    }
  }

  @Test
  void controllerReconcilesOwnersOfTaskEventsAndRetriesFailures() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicInteger failuresLeft = new AtomicInteger(2);
    try (Informer<JsonNode> tasks = new Informer<>(direct, Gvr.TASKS, "ctl", null, null, j -> j);
        Controller c = Controller.builder("services", key -> {
          if (key.name().equals("flaky") && failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("not yet");
          }
          seen.add(key.toString());
          return Result.done();
        }).workers(2).registry(registry).watchesOwned(tasks, "Service").build()) {
      tasks.start();
      c.start();
      direct.create(Gvr.TASKS, "ctl", owned("a", "web"));
      direct.create(Gvr.TASKS, "ctl", owned("b", "web"));
      direct.create(Gvr.TASKS, "ctl", owned("c", "flaky"));
      direct.create(Gvr.TASKS, "ctl", task("ctl", "lonely").build());
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(seen).containsExactlyInAnyOrder("ctl/web", "ctl/flaky"));
      assertThat(c.queue().failures(new Key("ctl", "flaky"))).isZero();
      CounterSnapshot reconciles = (CounterSnapshot) registry.scrape().stream()
          .filter(m -> m.getMetadata().getName().equals("disponent_controller_reconcile")).findFirst().orElseThrow();
      double errors = reconciles.getDataPoints().stream()
          .filter(d -> d.getLabels().get("result").equals("error")).mapToDouble(d -> d.getValue()).sum();
      assertThat(errors).isEqualTo(2.0);
    }
  }

  /** A typed view of a Task (the crds module's Task record works the same way, via Models.read). */
  record TaskView(String name, String nodeName) {
    static TaskView of(JsonNode j) {
      return new TaskView(j.path("metadata").path("name").asText(), j.path("spec").path("nodeName").asText(null));
    }
  }

  private static ObjectNode owned(String name, String service) {
    ObjectNode t = task("ctl", name).build();
    ((ObjectNode) t.path("metadata")).putArray("ownerReferences").addObject()
        .put("apiVersion", "disponent.io/v1").put("kind", "Service").put("name", service)
        .put("uid", "00000000-0000-0000-0000-0000000000" + (service.length() + 10)).put("controller", true);
    return t;
  }

  private static Set<String> names(Informer<TaskView> tasks) {
    return tasks.list().stream().map(t -> t.name()).collect(Collectors.toSet());
  }
}
