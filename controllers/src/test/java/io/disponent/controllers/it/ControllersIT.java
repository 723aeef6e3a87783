package io.disponent.controllers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.PatchType;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.controllers.ControllerManager;
import io.disponent.controllers.ManagerConfig;
import io.disponent.controllers.Rollback;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.controllers.reconcile.node.NodeLifecycleController;
import io.disponent.controllers.reconcile.scheduler.SchedulerController;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.Finalizers;
import io.disponent.crds.vocab.Labels;
import io.disponent.testkit.ControlPlane;
import io.disponent.testkit.HollowAgent;
import io.disponent.testkit.Namespaces;
import io.disponent.testkit.ServiceBuilder;
import io.disponent.testkit.TaskBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controllers with hollow agents against one real API server; each test has its own namespace and pool. */
class ControllersIT {
  @TempDir static Path dir;
  static ControlPlane server;
  static ApiClient client;

  @BeforeAll
  static void start() {
    server = ControlPlane.start(dir);
    client = server.run(c -> new ApiClient(ClientConfig.defaults(server.url())));
    server.run(c -> ControllerManager.start(client, ManagerConfig.defaults().withIdentity("it")));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HollowAgent agent(String pool, int nodes, String cpus, int leaseSeconds) {
    client.create(Gvr.NAMESPACES, null, Namespaces.namespace(pool));
    return server.run(c -> HollowAgent.start(client, new HollowAgent.Config(pool, nodes, cpus, "8Gi", "100Gi",
        leaseSeconds, Duration.ofMillis(leaseSeconds <= 5 ? 500 : 3000), ManagerConfig.SYSTEM_NAMESPACE,
        Map.of("pool", pool)), Clock.systemUTC()));
  }

  static ObjectNode service(String ns, String name, int instances, String shell) {
    return ServiceBuilder.service(ns, name).instances(instances).shell(shell).resources("0.5", "64Mi").port("http")
        .constraint("pool", "IS", ns).constraint("hostname", "UNIQUE").build();
  }

  static List<JsonNode> tasks(String ns) {
    return client.list(Gvr.TASKS, ns, null, null).items();
  }

  static List<JsonNode> running(String ns) {
    return tasks(ns).stream().filter(t -> "RUNNING".equals(Json.state(t)) && !Json.deleting(t)).toList();
  }

  static String cond(String ns, String service, String type) {
    return Json.conditionStatus(client.get(Gvr.SERVICES, ns, service), type);
  }

  @Test
  void serviceOfThreeRunsOnThreeNodesIsAvailableAndScales() {
    agent("svc", 4, "4", 15);
    client.create(Gvr.SERVICES, "svc", service("svc", "web", 3, "sleep 100"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<JsonNode> r = running("svc");
      assertThat(r).hasSize(3);
      assertThat(r.stream().map(Json::nodeName).distinct()).hasSize(3);
      JsonNode s = client.get(Gvr.SERVICES, "svc", "web");
      assertThat(Json.conditionStatus(s, "Available")).isEqualTo("True");
      assertThat(s.path("status").path("observedGeneration").asLong())
          .isEqualTo(s.path("metadata").path("generation").asLong());
      assertThat(s.path("status").path("healthyInstances").asInt()).isEqualTo(3);
    });
    JsonNode one = running("svc").get(0);
    assertThat(one.path("spec").path("ports").get(0).path("hostPort").asInt()).isBetween(31000, 32000);
    assertThat(one.path("metadata").path("labels").path(Labels.SERVICE).asText()).isEqualTo("web");
    assertThat(Json.finalizers(one)).contains(Finalizers.AGENT);
    JsonNode node = client.get(Gvr.NODES, null, Json.nodeName(one));
    assertThat(node.path("status").path("allocated").path("cpus").asText()).isEqualTo("500m");

    // scale up to 4, then down to 2 with OldestFirst: the two oldest go
    scale("svc", "web", 4, "OldestFirst");
    await().atMost(Duration.ofSeconds(20)).until(() -> running("svc").size() == 4);
    List<String> byAge = running("svc").stream()
        .sorted((a, b) -> a.path("metadata").path("creationTimestamp").asText()
            .compareTo(b.path("metadata").path("creationTimestamp").asText()))
        .map(Json::name).toList();
    scale("svc", "web", 2, "OldestFirst");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(tasks("svc")).hasSize(2);
      assertThat(running("svc")).hasSize(2);
    });
    Set<String> left = new HashSet<>(running("svc").stream().map(Json::name).toList());
    assertThat(left).doesNotContain(byAge.get(0));
  }

  static void scale(String ns, String name, int instances, String killSelection) {
    ObjectNode p = Json.object();
    p.putObject("spec").put("instances", instances).put("killSelection", killSelection);
    client.patch(Gvr.SERVICES, ns, name, PatchType.MERGE, p);
  }

  @Test
  void unplaceableTaskGetsTheNodeByNodeMessage() {
    agent("tight", 1, "4", 15);
    client.create(Gvr.SERVICES, "tight", service("tight", "two", 2, "sleep 100"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<JsonNode> unbound = tasks("tight").stream().filter(t -> Json.nodeName(t) == null).toList();
      assertThat(unbound).hasSize(1);
      JsonNode c = null;
      for (JsonNode x : unbound.get(0).path("status").path("conditions")) {
        if ("Scheduled".equals(x.path("type").asText())) {
          c = x;
        }
      }
      assertThat(c).isNotNull();
      assertThat(c.path("status").asText()).isEqualTo("False");
      assertThat(c.path("message").asText()).startsWith("0/").contains("nodes fit")
          .contains("1 constraint hostname:UNIQUE");
      // issue 9: a Task not placed yet is STAGING (the Task CRD's default), never without a state
      assertThat(Json.state(unbound.get(0))).isEqualTo("STAGING");
    });
  }

  @Test
  void failedTaskIsReplacedAfterBackoff() {
    HollowAgent a = agent("crash", 2, "4", 15);
    a.script(t -> Json.annotation(t, Annotations.CONSECUTIVE_FAILURES) == null
        ? HollowAgent.Outcome.fail(3, "Error", "boom") : HollowAgent.Outcome.healthy());
    ObjectNode s = service("crash", "c", 1, "exit 3");
    ((ObjectNode) s.path("spec")).put("backoffSeconds", 1);
    client.create(Gvr.SERVICES, "crash", s);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<JsonNode> r = running("crash");
      assertThat(r).hasSize(1);
      assertThat(Json.annotation(r.get(0), Annotations.CONSECUTIVE_FAILURES)).isEqualTo("1");
      assertThat(Json.annotation(r.get(0), Annotations.LAST_FAILURE)).contains("exit code 3").contains("boom");
      assertThat(tasks("crash")).hasSize(1);
    });
  }

  @Test
  void rollingUpgradeKeepsMinimumHealthCapacityAndRollsBack() throws Exception {
    agent("roll", 4, "4", 15);
    ObjectNode s = service("roll", "r", 4, "v1");
    ((ObjectNode) s.path("spec")).putObject("upgradeStrategy").put("minimumHealthCapacity", 0.5)
        .put("maximumOverCapacity", 0.0);
    ((com.fasterxml.jackson.databind.node.ArrayNode) s.path("spec").path("constraints")).remove(1);
    client.create(Gvr.SERVICES, "roll", s);
    await().atMost(Duration.ofSeconds(20)).until(() -> running("roll").size() == 4
        && "True".equals(cond("roll", "r", "Available")));
    ObjectNode p = Json.object();
    p.putObject("spec").putObject("template").putObject("spec").put("shell", "v2");
    client.patch(Gvr.SERVICES, "roll", "r", PatchType.MERGE, p);
    String v2 = io.disponent.controllers.plan.TemplateHash.of(io.disponent.crds.model.Models.read(
        client.get(Gvr.SERVICES, "roll", "r").path("spec").path("template"), io.disponent.crds.model.TaskTemplate.class));
    AtomicInteger min = new AtomicInteger(Integer.MAX_VALUE);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
      List<JsonNode> r = running("roll");
      min.accumulateAndGet(r.size(), Math::min);
      return r.size() == 4 && tasks("roll").size() == 4 && r.stream()
          .allMatch(t -> v2.equals(t.path("metadata").path("labels").path(Labels.REVISION).asText()));
    });
    assertThat(min.get()).isGreaterThanOrEqualTo(2);
    int back = Rollback.to(client, "roll", "r", null);
    assertThat(back).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> running("roll").stream()
        .filter(t -> !v2.equals(t.path("metadata").path("labels").path(Labels.REVISION).asText())).count() == 4);
  }

  @Test
  void lostNodeTasksAreReplacedAndSurplusKilledWhenItReturns() {
    HollowAgent a = agent("lost", 3, "4", 3);
    ObjectNode s = service("lost", "l", 2, "sleep 100");
    ((ObjectNode) s.path("spec")).putObject("unreachableStrategy").put("inactiveAfterSeconds", 2)
        .put("expungeAfterSeconds", 120);
    client.create(Gvr.SERVICES, "lost", s);
    await().atMost(Duration.ofSeconds(20)).until(() -> running("lost").size() == 2);
    JsonNode victim = running("lost").get(0);
    String node = Json.nodeName(victim);
    a.kill(node);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(Json.conditionStatus(client.get(Gvr.NODES, null, node), "Ready")).isEqualTo("False");
      JsonNode v = client.get(Gvr.TASKS, "lost", Json.name(victim));
      assertThat(Json.state(v)).isEqualTo("UNREACHABLE");
    });
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<JsonNode> r = running("lost");
      assertThat(r).hasSize(2);
      assertThat(r.stream().map(Json::nodeName)).doesNotContain(node);
    });
    a.revive(node);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(tasks("lost")).hasSize(2);
      assertThat(running("lost")).hasSize(2);
      assertThat(tasks("lost").stream().map(Json::name)).doesNotContain(Json.name(victim));
    });
  }

  @Test
  void drainStartsReplacementsElsewhereFirst() {
    agent("drain", 3, "4", 15);
    client.create(Gvr.SERVICES, "drain", service("drain", "d", 2, "sleep 100"));
    await().atMost(Duration.ofSeconds(20)).until(() -> running("drain").size() == 2);
    JsonNode old = running("drain").get(0);
    String node = Json.nodeName(old);
    ObjectNode p = Json.object();
    p.putObject("metadata").putObject("annotations").put(Annotations.DRAIN, "true");
    p.putObject("spec").put("unschedulable", true);
    client.patch(Gvr.NODES, null, node, PatchType.MERGE, p);
    AtomicBoolean belowTwo = new AtomicBoolean();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
      List<JsonNode> r = running("drain");
      if (r.size() < 2) {
        belowTwo.set(true);
      }
      assertThat(tasks("drain").stream().map(Json::name)).doesNotContain(Json.name(old));
      assertThat(r).hasSize(2);
      assertThat(r.stream().map(Json::nodeName)).doesNotContain(node);
    });
    assertThat(belowTwo).isFalse();
  }

  @Test
  void twoSchedulersRacingNeverOvercommit() {
    agent("race", 1, "40", 15);
    try (Schedulers extra = extraSchedulers("race", 2)) {
      for (int i = 0; i < 12; i++) {
        ObjectNode t = TaskBuilder.task("race", "big-" + i).build();
        ((ObjectNode) t.path("spec")).putObject("resources").put("cpus", "10").put("memory", "64Mi");
        client.create(Gvr.TASKS, "race", t);
      }
      // safety: never more than 4 x 10 cpus on the 40-cpu node, sampled while three schedulers race
      AtomicInteger max = new AtomicInteger();
      await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(50))
          .until(() -> {
            int bound = (int) tasks("race").stream().filter(t -> Json.nodeName(t) != null).count();
            max.accumulateAndGet(bound, Math::max);
            return bound <= 4;
          });
      assertThat(max.get()).isBetween(1, 4);
      // liveness: every task that fits is bound in the end (stale reservations expire and are retried)
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
        int bound = (int) tasks("race").stream().filter(t -> Json.nodeName(t) != null).count();
        assertThat(bound).isEqualTo(4);
      });
    }
  }

  @Test
  void racingSchedulersNeverOvercommitAnyNodeOfAPool() {
    agent("race-pool", 5, "100", 15); // no other pool has room for a 48-cpu task
    try (Schedulers extra = extraSchedulers("race-pool", 2)) {
      for (int i = 0; i < 40; i++) {
        ObjectNode t = TaskBuilder.task("race-pool", "t-" + i).build();
        ((ObjectNode) t.path("spec")).putObject("resources").put("cpus", "48").put("memory", "64Mi");
        client.create(Gvr.TASKS, "race-pool", t);
      }
      // safety: no node (100 cpus) ever holds more than two 48-cpu tasks
      AtomicInteger worst = new AtomicInteger();
      await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> {
            Map<String, Integer> perNode = new java.util.HashMap<>();
            tasks("race-pool").stream().map(Json::nodeName).filter(n -> n != null && n.startsWith("race-pool-"))
                .forEach(n -> perNode.merge(n, 1, Integer::sum));
            int max = perNode.values().stream().max(Integer::compare).orElse(0);
            worst.accumulateAndGet(max, Math::max);
            return max <= 2;
          });
      assertThat(worst.get()).isBetween(1, 2);
      // liveness: the 10 that fit are bound in the end
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
          assertThat(tasks("race-pool").stream().filter(t -> Json.nodeName(t) != null).count()).isEqualTo(10));
    }
  }

  /** Schedulers started by a test, closed together. */
  private interface Schedulers extends AutoCloseable {
    @Override
    void close();
  }

  /** {@code n} more schedulers besides the manager's, each with its own caches. */
  private Schedulers extraSchedulers(String name, int n) {
    List<AutoCloseable> extra = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Caches c = new Caches(client, ManagerConfig.SYSTEM_NAMESPACE);
      Controller sc = new SchedulerController(client, c, new EventRecorder(client, name + "-" + i),
          Clock.systemUTC()).controller(1);
      sc.start();
      c.start();
      extra.add(sc);
      extra.add(c);
    }
    return () -> {
      for (AutoCloseable c : extra) {
        try {
          c.close();
        } catch (Exception e) {
          // closing
        }
      }
    };
  }

  @Test
  void tasksOfADeletedServiceAreCollected() {
    agent("gc", 2, "4", 15);
    client.create(Gvr.SERVICES, "gc", service("gc", "g", 2, "sleep 100"));
    await().atMost(Duration.ofSeconds(20)).until(() -> running("gc").size() == 2);
    client.delete(Gvr.SERVICES, "gc", "g", DeleteOptions.propagation("Background"));
    await().atMost(Duration.ofSeconds(20)).until(() -> tasks("gc").isEmpty());
  }
}
