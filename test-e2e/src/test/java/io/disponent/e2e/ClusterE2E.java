package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fast cluster scenarios of the default run: one {@code up --no-agent} plus three real agents,
 * real task processes. The heavier scenarios are in {@link ClusterFullE2E}.
 */
class ClusterE2E extends ClusterPerClass {

  /** Scenario 1: hello-web on 3 nodes, reachable, Available, visible through get/logs/describe/events. */
  @Test
  void helloWebRunsHealthyOnThreeNodes() {
    assertThat(apply(manifest("manifests/hello-web-spread.yaml"))).isEqualTo("service.disponent.io/hello-web created\n");

    List<JsonNode> tasks = awaitLive("hello-web", 3, ClusterPerClass::runningHealthy);
    assertThat(tasks).extracting(ClusterPerClass::node).containsExactlyInAnyOrder("a1", "a2", "a3");
    for (JsonNode t : tasks) {
      assertThat(hostPorts(t)).hasSize(1);
      int port = hostPorts(t).get(0);
      assertThat(httpGet(port, "/")).as("GET / on %s's host port %d", name(t), port).isEqualTo(200);
      assertThat(alive(pid(t))).isTrue();
    }

    assertThat(ok("wait", "--for=condition=Available", "dsvc/hello-web", "--timeout=60s"))
        .isEqualTo("service.disponent.io/hello-web condition met\n");

    String wide = ok("get", "tasks.disponent.io", "-l", "app=hello-web", "-o", "wide");
    assertThat(wide.lines().findFirst().orElseThrow()).contains("STATE", "NODE", "PORTS", "HEALTH");
    for (JsonNode t : tasks) {
      assertThat(wide).containsPattern(name(t) + "\\s+RUNNING\\s+" + node(t) + "\\s+" + hostPorts(t).get(0)
          + "\\s+Healthy");
    }

    JsonNode first = tasks.get(0);
    // the health checks (every 2 s) keep writing access lines to stderr
    await("access lines in stderr").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      Kubectl.Result logs = disponent(Duration.ofSeconds(60), "logs", name(first), "--stderr", "--tail", "5");
      return logs.exit() == 0 && logs.out().contains("\"GET / HTTP/1.1\" 200");
    });
    Kubectl.Result logs = disponent(Duration.ofSeconds(60), "logs", name(first), "--stderr", "--tail", "5");
    assertThat(logs.exit()).as("%s", logs).isZero();
    assertThat(logs.out().lines().count()).isBetween(1L, 5L);
    assertThat(logs.out()).contains("GET / HTTP/1.1");

    String describe = ok("describe", "dtask", name(first));
    assertThat(describe).contains("Events:").contains("Scheduled").contains("Started");
    String events = ok("get", "events");
    assertThat(events).contains("Scheduled").contains("Started")
        .containsPattern(name(first) + "\\s+bound to node " + node(first))
        .containsPattern(name(first) + "\\s+started on node " + node(first) + " as pid " + pid(first));
  }

  /** Scenario 8: SIGTERM to an agent and a new agent on the same data dir keeps the tasks (same pids). */
  @Test
  void agentRestartKeepsItsTasks() {
    apply("""
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: keeper}
        spec:
          instances: 3
          template:
            spec:
              command: ["sleep", "3600"]
              resources: {cpus: "10m", memory: "16Mi"}
          constraints: [{field: hostname, operator: UNIQUE}]
        """);
    List<JsonNode> before = awaitLive("keeper", 3, t -> "RUNNING".equals(state(t)) && pid(t) > 0);
    Map<String, Long> pids = before.stream().collect(Collectors.toMap(ClusterPerClass::name, ClusterPerClass::pid));
    pids.values().forEach(pid -> assertThat(commandLine(pid)).as("status.pid %d is the task's own process", pid)
        .isEqualTo("sleep 3600"));
    JsonNode onA2 = before.stream().filter(t -> node(t).equals("a2")).findFirst().orElseThrow();
    String startedAt = onA2.path("status").path("startedAt").asText();

    AgentProcess a2 = agents.get("a2");
    int exit = a2.stop();
    assertThat(exit).as("agent exit on SIGTERM after a clean stop").isZero();
    assertThat(alive(pid(onA2))).as("task outlives its agent").isTrue();

    a2.restart();
    await("a2 Ready again").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> nodeReady("a2"));
    DisponentProcess.sleep(3000); // a few supervisor passes of the new agent

    List<JsonNode> after = awaitLive("keeper", 3, t -> "RUNNING".equals(state(t)));
    assertThat(after.stream().collect(Collectors.toMap(ClusterPerClass::name, ClusterPerClass::pid)))
        .as("same tasks, same pids").isEqualTo(pids);
    JsonNode again = after.stream().filter(t -> name(t).equals(name(onA2))).findFirst().orElseThrow();
    // the same start: both agents report the launch time from the task's checkpoint
    assertThat(again.path("status").path("startedAt").asText()).isEqualTo(startedAt);
    assertThat(again.path("status").path("restarts").asInt()).isZero();
    pids.values().forEach(pid -> assertThat(alive(pid)).as("pid %d", pid).isTrue());
  }

  /** Scenario 11: standalone Tasks end FINISHED (exit 0) and FAILED (exit 2). */
  @Test
  void standaloneTasksFinishAndFail() {
    apply("""
        apiVersion: disponent.io/v1
        kind: Task
        metadata: {name: once-ok}
        spec:
          command: ["sh", "-c", "echo done"]
          resources: {cpus: "10m", memory: "16Mi"}
        ---
        apiVersion: disponent.io/v1
        kind: Task
        metadata: {name: once-bad}
        spec:
          command: ["sh", "-c", "echo failing >&2; exit 2"]
          resources: {cpus: "10m", memory: "16Mi"}
        """);
    await("both Tasks ended").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        tasks("").stream().filter(t -> List.of("FINISHED", "FAILED").contains(state(t))).count() == 2);

    JsonNode ok = get("dtask", "once-ok");
    assertThat(state(ok)).isEqualTo("FINISHED");
    assertThat(ok.path("status").path("exitCode").asInt(-1)).isZero();
    JsonNode bad = get("dtask", "once-bad");
    assertThat(state(bad)).isEqualTo("FAILED");
    assertThat(bad.path("status").path("exitCode").asInt(-1)).isEqualTo(2);

    assertThat(ok("get", "dtask", "once-ok", "once-bad", "-o", "custom-columns=NAME:.metadata.name,STATE:.status.state,"
        + "EXIT:.status.exitCode", "--no-headers")).containsPattern("once-ok\\s+FINISHED\\s+0")
        .containsPattern("once-bad\\s+FAILED\\s+2");
    Kubectl.Result out = disponent(Duration.ofSeconds(60), "logs", "once-ok");
    assertThat(out.exit()).as("%s", out).isZero();
    assertThat(out.out()).isEqualTo("done\n");
    Kubectl.Result err = disponent(Duration.ofSeconds(60), "logs", "once-bad", "--stderr");
    assertThat(err.exit()).as("%s", err).isZero();
    assertThat(err.out()).isEqualTo("failing\n");
  }
}
