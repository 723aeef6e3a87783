package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: {@code up --no-agent} and two agents; the control plane is SIGKILLed, stays down 5 s (longer than
 * the agents' 4 s lease) and starts again on its data dir. No Node turns NotReady, no Task UNREACHABLE, no
 * task restarts: the node controller of the new process waits two leases before judging a node.
 */
class ControlPlaneRestartE2E extends ClusterPerClass {
  private static final Duration DOWN = Duration.ofSeconds(5);
  /** How long the restarted controllers are watched: well past their start-up grace. */
  private static final Duration WATCHED = Duration.ofSeconds(3L * LEASE_SECONDS);

  @Override
  int agentCount() {
    return 2;
  }

  @Test
  void killNineOfTheControlPlaneFlapsNoNode() throws InterruptedException {
    apply("""
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: steady}
        spec:
          instances: 4
          template:
            spec:
              command: ["sleep", "3600"]
              resources: {cpus: "10m", memory: "16Mi"}
        """);
    List<JsonNode> before = awaitLive("steady", 4, t -> "RUNNING".equals(state(t)) && pid(t) > 0);
    Map<String, Long> pids = pidsByTask(before);
    Map<String, String> readySince = readySince();
    assertThat(readySince).containsOnlyKeys("a1", "a2");
    Map<String, Integer> eventsBefore = settledEvents();

    server.process().destroyForcibly(); // kill -9, by the handle
    assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    Instant killed = Instant.now();
    Thread.sleep(DOWN.toMillis());
    server = DisponentProcess.start(server.dataDir(), server.port(), server.storePort(), upArguments());
    assertThat(Duration.between(killed, Instant.now())).as("the agents' leases lapsed meanwhile")
        .isGreaterThan(Duration.ofSeconds(LEASE_SECONDS));

    await("the restarted process runs the controllers").atMost(LONG).pollInterval(Duration.ofMillis(500))
        .until(() -> server.log().contains("starts the controllers"));
    Instant until = Instant.now().plus(WATCHED);
    while (Instant.now().isBefore(until)) {
      List<JsonNode> now = live("steady");
      assertThat(now).as("no task UNREACHABLE, none replaced:%s", summary(now)).hasSize(4)
          .allSatisfy(t -> assertThat(state(t)).isEqualTo("RUNNING"));
      assertThat(pidsByTask(now)).as("same tasks, same pids").isEqualTo(pids);
      assertThat(nodeReady("a1") && nodeReady("a2")).as("both nodes Ready").isTrue();
      Thread.sleep(500);
    }

    assertThat(readySince()).as("Ready never left True").isEqualTo(readySince);
    List<String> since = new ArrayList<>();
    for (JsonNode e : json("get", "events", "-A").path("items")) {
      Integer count = eventsBefore.get(e.path("metadata").path("name").asText());
      if (count == null || e.path("count").asInt(1) > count) {
        since.add(e.path("reason").asText() + ": " + e.path("message").asText());
      }
    }
    assertThat(since).as("Events since the kill").noneMatch(e -> e.startsWith("NodeNotReady")
        || e.startsWith("Unreachable") || e.startsWith("Killing") || e.startsWith("Created"));
    for (JsonNode t : live("steady")) {
      assertThat(t.path("status").path("restarts").asInt()).isZero();
      assertThat(condition(t, "Reachable")).as("%s never lost", name(t)).isEmpty();
      assertThat(alive(pid(t))).isTrue();
    }
  }

  /**
   * Every Event's name and count once the launch's Events are all written (the recorder writes in the background):
   * the four Started and no change for a second. What differs afterwards happened after the kill; Event times have
   * whole seconds only, too coarse to tell.
   */
  private Map<String, Integer> settledEvents() {
    Map<String, Integer> last = new TreeMap<>();
    await("the launch's Events are written").atMost(LONG).pollInterval(Duration.ofSeconds(1)).until(() -> {
      Map<String, Integer> now = new TreeMap<>();
      int started = 0;
      for (JsonNode e : json("get", "events", "-A").path("items")) {
        now.put(e.path("metadata").path("name").asText(), e.path("count").asInt(1));
        started += e.path("reason").asText().equals("Started") ? 1 : 0;
      }
      boolean settled = started >= 4 && now.equals(last);
      last.clear();
      last.putAll(now);
      return settled;
    });
    return Map.copyOf(last);
  }

  private static Map<String, Long> pidsByTask(List<JsonNode> tasks) {
    return tasks.stream().collect(Collectors.toMap(ClusterPerClass::name, ClusterPerClass::pid, (a, b) -> a,
        TreeMap::new));
  }

  /** Per node, the lastTransitionTime of its Ready=True condition. */
  private Map<String, String> readySince() {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode n : items("dnode", "")) {
      condition(n, "Ready").filter(c -> c.path("status").asText().equals("True"))
          .ifPresent(c -> out.put(name(n), c.path("lastTransitionTime").asText()));
    }
    return out;
  }
}
