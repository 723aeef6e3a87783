package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The heavier cluster scenarios (scaling, upgrades and rollback, crash loops, health kills and the
 * kill budget, a SIGKILLed agent, constraints, drain, memory limits), in the default run.
 */
class ClusterFullE2E extends ClusterPerClass {

  /** An HTTP server on $PORT_HTTP answering 500 while the file {@code fail} exists in its sandbox. */
  static final String FLAKY_SERVER = """
      import http.server, os
      class H(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              bad = os.path.exists(os.path.join(os.environ['SANDBOX'], 'fail'))
              self.send_response(500 if bad else 200)
              self.end_headers()
              self.wfile.write(b'bad' if bad else b'ok')
          def log_message(self, *a):
              pass
      http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT_HTTP'])), H).serve_forever()
      """;

  static String flakyService(String name, int instances, String extraSpec) {
    StringBuilder script = new StringBuilder();
    FLAKY_SERVER.lines().forEach(l -> script.append("          ").append(l).append('\n'));
    return """
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: %s}
        spec:
          instances: %d
          template:
            spec:
              command:
              - python3
              - -c
              - |
        %s      resources: {cpus: "200m", memory: "64Mi"}
              ports: [{name: http}]
              healthChecks:
              - {type: HTTP, portName: http, path: /, gracePeriodSeconds: 10, intervalSeconds: 2, timeoutSeconds: 1, maxConsecutiveFailures: 2}
        %s""".formatted(name, instances, script, extraSpec);
  }

  /** A sandbox of a task: {@code <agent data dir>/sandboxes/<ns>/<name>/<uid>}. */
  Path sandbox(JsonNode task) {
    return agents.get(node(task)).dataDir().resolve("sandboxes").resolve(task.path("metadata").path("namespace").asText())
        .resolve(name(task)).resolve(task.path("metadata").path("uid").asText());
  }

  static void touch(Path file) {
    try {
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Samples the number of RUNNING+Healthy tasks of a service in the background. */
  final class HealthySampler implements AutoCloseable {
    final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
    final List<Long> samples = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    HealthySampler(String service) {
      thread = new Thread(() -> {
        while (!stop.get()) {
          long n = countRunningHealthy(service);
          synchronized (samples) {
            samples.add(n);
          }
          min.accumulateAndGet(n, Math::min);
          DisponentProcess.sleep(250);
        }
      }, "sampler-" + service);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() {
      stop.set(true);
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Scenario 2: kubectl scale up and down; YoungestFirst keeps the oldest. */
  @Test
  void scaleUpAndDownKillsTheYoungest() {
    apply("""
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: scaler}
        spec:
          instances: 2
          killSelection: YoungestFirst
          template:
            spec:
              command: ["sleep", "3600"]
              resources: {cpus: "10m", memory: "16Mi"}
        """);
    Set<String> first = names(awaitLive("scaler", 2, t -> "RUNNING".equals(state(t))));
    DisponentProcess.sleep(1100); // the next ones are younger by a creationTimestamp second at least

    assertThat(ok("scale", "dsvc/scaler", "--replicas=5")).isEqualTo("service.disponent.io/scaler scaled\n");
    List<JsonNode> five = awaitLive("scaler", 5, t -> "RUNNING".equals(state(t)));
    assertThat(names(five)).containsAll(first);

    assertThat(ok("scale", "dsvc/scaler", "--replicas=2")).isEqualTo("service.disponent.io/scaler scaled\n");
    List<JsonNode> two = awaitLive("scaler", 2, t -> "RUNNING".equals(state(t)));
    assertThat(names(two)).as("the youngest three were killed").isEqualTo(first);
    await("the killed tasks' processes end").atMost(LONG).until(() ->
        five.stream().filter(t -> !first.contains(name(t))).noneMatch(t -> alive(pid(t))));
    assertThat(ok("get", "dsvc", "scaler", "-o", "jsonpath={.spec.instances}")).isEqualTo("2");
  }

  /** Scenario 3: a rolling upgrade never drops below minimumHealthCapacity; rollback restores the template. */
  @Test
  void rollingUpgradeKeepsCapacityAndRollsBack() {
    String manifest = """
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: roller}
        spec:
          instances: 3
          upgradeStrategy: {minimumHealthCapacity: 0.6, maximumOverCapacity: 0}
          template:
            spec:
              command: ["python3", "-m", "http.server", "--bind", "127.0.0.1", "$(PORT_HTTP)"]
              env: [{name: GREETING, value: %s}]
              resources: {cpus: "200m", memory: "64Mi"}
              ports: [{name: http}]
              healthChecks:
              - {type: HTTP, portName: http, path: /, gracePeriodSeconds: 10, intervalSeconds: 2, timeoutSeconds: 1, maxConsecutiveFailures: 3}
        """;
    apply(manifest.formatted("hello"));
    List<JsonNode> v1 = awaitLive("roller", 3, ClusterPerClass::runningHealthy);
    String rev1 = revision(v1.get(0));

    List<JsonNode> v2;
    try (HealthySampler sampler = new HealthySampler("roller")) {
      assertThat(apply(manifest.formatted("hola"))).isEqualTo("service.disponent.io/roller configured\n");
      v2 = awaitLive("roller", 3, t -> runningHealthy(t) && !revision(t).equals(rev1));
      sampler.close();
      // ceil(3 * 0.6) = 2 must stay healthy; maximumOverCapacity 0: one old goes before one new starts
      assertThat(sampler.min.get()).as("healthy samples %s", sampler.samples).isGreaterThanOrEqualTo(2);
      assertThat(sampler.samples).as("the upgrade was observed").contains(2L);
    }
    assertThat(names(v2)).doesNotContainAnyElementsOf(names(v1));
    String rev2 = revision(v2.get(0));
    assertThat(v2).allMatch(t -> revision(t).equals(rev2));

    Kubectl.Result rb = disponent(Duration.ofSeconds(60), "rollback", "services/roller");
    assertThat(rb.exit()).as("%s", rb).isZero();
    assertThat(rb.out()).contains("roller");
    assertThat(ok("get", "dsvc", "roller", "-o", "jsonpath={.spec.template.spec.env[0].value}")).isEqualTo("hello");
    List<JsonNode> back = awaitLive("roller", 3, t -> runningHealthy(t) && revision(t).equals(rev1));
    assertThat(back).allMatch(t -> revision(t).equals(rev1));
  }

  /** Scenario 4: a crashing task is replaced with growing delays; the Service is Stalled=CrashLoop. */
  @Test
  void crashLoopBacksOff() {
    apply("""
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: crasher}
        spec:
          instances: 1
          backoffSeconds: 1
          backoffFactor: 2
          maxLaunchDelaySeconds: 60
          template:
            spec:
              command: ["sh", "-c", "sleep 1; exit 3"]
              resources: {cpus: "10m", memory: "16Mi"}
        """);
    Map<String, JsonNode> lastSeen = new LinkedHashMap<>();
    AtomicBoolean sawExit3 = new AtomicBoolean();
    await("4 launches").atMost(LONG).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (JsonNode t : tasks("disponent.io/service=crasher")) {
        lastSeen.put(name(t), t);
        if ("FAILED".equals(state(t)) && t.path("status").path("exitCode").asInt() == 3) {
          sawExit3.set(true);
        }
      }
      return lastSeen.size() >= 4;
    });
    assertThat(sawExit3).as("a FAILED task with exitCode 3").isTrue();
    // Judged on the server's own timestamps, not on when this test saw things, so a loaded machine cannot
    // shorten a gap: launch n (n failures in a row before it) is created no sooner than 2^(n-1) s after the
    // previous task finished. Both stamps are whole seconds and so is each delay, so the bound is exact.
    List<JsonNode> launches = lastSeen.values().stream().sorted(Comparator.comparingInt(ClusterFullE2E::failures))
        .toList();
    assertThat(launches.stream().map(ClusterFullE2E::failures).toList()).as("failures carried by each launch")
        .startsWith(0, 1, 2, 3);
    int judged = 0;
    for (int n = 1; n < 4; n++) {
      JsonNode previous = launches.get(n - 1);
      JsonNode launch = launches.get(n);
      String finished = previous.path("status").path("finishedAt").asText("");
      if (!finished.isEmpty()) {
        Duration gap = Duration.between(Instant.parse(finished),
            Instant.parse(launch.path("metadata").path("creationTimestamp").asText()));
        assertThat(gap).as("launch %d after the previous failure", n).isGreaterThanOrEqualTo(Duration.ofSeconds(1L << (n - 1)));
        judged++;
      }
    }
    assertThat(judged).as("gaps judged (a failed task is seen for at least its 1 s delay)").isGreaterThanOrEqualTo(2);

    await("Stalled=CrashLoop").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        condition(get("dsvc", "crasher"), "Stalled")
            .filter(c -> c.path("status").asText().equals("True") && c.path("reason").asText().equals("CrashLoop"))
            .isPresent());
    assertThat(ok("get", "events", "--field-selector", "reason=CrashLoop")).contains("crasher");
  }

  /** Scenario 5: one instance's health check starts failing: it is killed and replaced, the others stay. */
  @Test
  void unhealthyTaskIsKilledAndReplaced() {
    apply(flakyService("flaky", 3, ""));
    List<JsonNode> healthy = awaitLive("flaky", 3, ClusterPerClass::runningHealthy);
    JsonNode victim = healthy.get(0);
    touch(sandbox(victim).resolve("fail"));

    List<JsonNode> after = awaitLive("flaky", 3, t -> runningHealthy(t) && !name(t).equals(name(victim)));
    assertThat(names(after)).contains(name(healthy.get(1)), name(healthy.get(2))).doesNotContain(name(victim));
    await("the unhealthy task's process ends").atMost(LONG).until(() -> !alive(pid(victim)));
    assertThat(ok("get", "events")).containsPattern("Killing|Killed|Unhealthy");
  }

  /**
   * Scenario 6: every instance's check starts failing. Checks of different tasks fail at different
   * ticks, so the first to turn Unhealthy is killed (1 of 3 is not more than half); its replacement
   * counts as unhealthy until it is Healthy, so when the second fails more than half are and health
   * kills stop: the survivors keep running, and HealthKillsSuspended=True says why.
   */
  @Test
  void killBudgetSuspendsHealthKills() {
    apply(flakyService("allbad", 3, ""));
    List<JsonNode> healthy = awaitLive("allbad", 3, ClusterPerClass::runningHealthy);
    healthy.forEach(t -> touch(sandbox(t).resolve("fail")));

    await("HealthKillsSuspended=True").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        condition(get("dsvc", "allbad"), "HealthKillsSuspended")
            .filter(c -> c.path("status").asText().equals("True")).isPresent());
    JsonNode cond = condition(get("dsvc", "allbad"), "HealthKillsSuspended").orElseThrow();
    assertThat(cond.path("reason").asText()).isEqualTo("MoreThanHalfUnhealthy");
    assertThat(cond.path("message").asText()).contains("of 3 instances unhealthy");

    DisponentProcess.sleep(8000); // well past maxConsecutiveFailures * interval
    java.util.Set<String> original = names(healthy);
    List<JsonNode> survivors = live("allbad").stream().filter(t -> original.contains(name(t))).toList();
    assertThat(survivors).as("unhealthy instances left running while the budget is spent").hasSizeGreaterThanOrEqualTo(2);
    assertThat(survivors).allMatch(t -> "RUNNING".equals(state(t)) && alive(pid(t)));

    healthy.forEach(t -> sandbox(t).resolve("fail").toFile().delete());
    awaitLive("allbad", 3, ClusterPerClass::runningHealthy);
    await("HealthKillsSuspended=False").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        condition(get("dsvc", "allbad"), "HealthKillsSuspended")
            .filter(c -> c.path("status").asText().equals("False")).isPresent());
  }

  /** Scenario 7: SIGKILL of an agent: Node NotReady, tasks UNREACHABLE and replaced; it returns: surplus killed. */
  @Test
  void killedAgentsTasksAreReplacedAndTheSurplusKilledOnReturn() {
    apply("""
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: survivor}
        spec:
          instances: 3
          unreachableStrategy: {inactiveAfterSeconds: 5, expungeAfterSeconds: 600}
          template:
            spec:
              command: ["sleep", "3600"]
              resources: {cpus: "10m", memory: "16Mi"}
          constraints: [{field: hostname, operator: MAX_PER, value: "2"}]
        """);
    List<JsonNode> before = awaitLive("survivor", 3, t -> "RUNNING".equals(state(t)));
    JsonNode lost = before.stream().filter(t -> node(t).equals("a1")).findFirst()
        .orElse(before.get(0));
    AgentProcess agent = agents.get(node(lost));
    List<JsonNode> onLostNode = before.stream().filter(t -> node(t).equals(agent.name())).toList();

    agent.kill();
    assertThat(agent.alive()).isFalse();
    assertThat(alive(pid(lost))).as("the task outlives a SIGKILLed agent").isTrue();

    await("node NotReady").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> !nodeReady(agent.name()));
    await("tasks UNREACHABLE").atMost(LONG).pollInterval(Duration.ofMillis(300)).until(() ->
        tasks("disponent.io/service=survivor").stream().filter(t -> node(t).equals(agent.name()))
            .allMatch(t -> "UNREACHABLE".equals(state(t))));
    List<JsonNode> replaced = awaitLive("survivor", 3, t -> "RUNNING".equals(state(t))
        && !node(t).equals(agent.name()));
    assertThat(names(replaced)).doesNotContainAnyElementsOf(names(onLostNode));
    onLostNode.forEach(t -> assertThat(alive(pid(t))).as("still running without its agent").isTrue());

    agent.restart();
    await("node Ready again").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> nodeReady(agent.name()));
    await("the surplus is killed").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        onLostNode.stream().noneMatch(t -> alive(pid(t))));
    await("the old tasks are gone").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        tasks("disponent.io/service=survivor").stream().noneMatch(t -> names(onLostNode).contains(name(t))));
    assertThat(names(awaitLive("survivor", 3, t -> "RUNNING".equals(state(t))))).isEqualTo(names(replaced));
  }

  /** Scenario 9: attribute constraints place accordingly; an unplaceable task stays STAGING with the reasons. */
  @Test
  void constraintsPlaceAndUnplaceableWaits() {
    String svc = """
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: %s}
        spec:
          instances: %d
          template:
            spec:
              command: ["sleep", "3600"]
              resources: {cpus: "10m", memory: "%s"}
          constraints: [%s]
        ---
        """;
    apply(svc.formatted("on-r1", 3, "16Mi", "{field: rack, operator: IS, value: r1}")
        + svc.formatted("spread", 2, "16Mi", "{field: rack, operator: GROUP_BY}")
        + svc.formatted("like-a3", 2, "16Mi", "{field: hostname, operator: LIKE, value: 'a[3]'}")
        + svc.formatted("huge", 1, "64Gi", ""));

    assertThat(awaitLive("on-r1", 3, t -> "RUNNING".equals(state(t))))
        .extracting(ClusterPerClass::node).allMatch(n -> n.equals("a1") || n.equals("a2"));
    assertThat(awaitLive("spread", 2, t -> "RUNNING".equals(state(t))))
        .extracting(t -> node(t).equals("a3") ? "r2" : "r1").containsExactlyInAnyOrder("r1", "r2");
    assertThat(awaitLive("like-a3", 2, t -> "RUNNING".equals(state(t))))
        .extracting(ClusterPerClass::node).containsOnly("a3");

    JsonNode huge = awaitLive("huge", 1, t -> condition(t, "Scheduled")
        .filter(c -> c.path("status").asText().equals("False")).isPresent()).get(0);
    assertThat(state(huge)).isIn("STAGING", "");
    assertThat(node(huge)).isEmpty();
    assertThat(condition(huge, "Scheduled").orElseThrow().path("message").asText())
        .startsWith("0/3 nodes fit: ").contains("3 insufficient memory");
    DisponentProcess.sleep(3000);
    assertThat(node(live("huge").get(0))).as("still unplaced").isEmpty();
  }

  /** Scenario 10: drain surges replacements elsewhere before the old tasks die; the node is cordoned. */
  @Test
  void drainSurgesBeforeKilling() {
    apply(flakyService("drained", 2, "  constraints: [{field: hostname, operator: IS, value: a2}]\n"));
    List<JsonNode> before = awaitLive("drained", 2, ClusterPerClass::runningHealthy);
    assertThat(before).extracting(ClusterPerClass::node).containsOnly("a2");
    // let the replacements go elsewhere
    ok("patch", "dsvc", "drained", "--type=json", "-p", "[{\"op\":\"remove\",\"path\":\"/spec/constraints\"}]");
    DisponentProcess.sleep(2000);
    assertThat(names(live("drained"))).isEqualTo(names(before)); // constraints do not restart tasks

    Kubectl.Result drain;
    try (HealthySampler sampler = new HealthySampler("drained")) {
      drain = disponent(Duration.ofSeconds(150), "node", "drain", "a2", "--timeout", "120");
      sampler.close();
      assertThat(drain.exit()).as("%s", drain).isZero();
      assertThat(sampler.min.get()).as("healthy samples %s", sampler.samples).isGreaterThanOrEqualTo(2);
    }
    List<JsonNode> after = awaitLive("drained", 2, ClusterPerClass::runningHealthy);
    assertThat(after).extracting(ClusterPerClass::node).doesNotContain("a2");
    before.forEach(t -> assertThat(alive(pid(t))).as("old task %s killed", name(t)).isFalse());
    assertThat(ok("get", "dnode", "a2", "-o", "jsonpath={.spec.unschedulable}")).isEqualTo("true");

    Kubectl.Result uncordon = disponent(Duration.ofSeconds(60), "node", "uncordon", "a2");
    assertThat(uncordon.exit()).as("%s", uncordon).isZero();
    assertThat(ok("get", "dnode", "a2", "-o", "jsonpath={.spec.unschedulable}")).isIn("", "false");
  }

  /** Scenario 12: beyond its memory limit a task is OOMKilled (only where limits are enforced). */
  @Test
  void memoryLimitKillsTheTask() {
    assumeTrue("true".equals(ok("get", "dnode", "a1", "-o", "jsonpath={.status.limitsEnforced}")),
        "limits are not enforced on this machine (root and a memory cgroup needed)");
    apply("""
        apiVersion: disponent.io/v1
        kind: Task
        metadata: {name: hog}
        spec:
          nodeName: a1
          command: ["python3", "-c", "import time; b = bytearray(200 * 1024 * 1024); time.sleep(30)"]
          resources: {cpus: "100m", memory: "32Mi"}
        """);
    await("hog ended").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() ->
        List.of("FAILED", "FINISHED", "KILLED").contains(state(get("dtask", "hog"))));
    JsonNode hog = get("dtask", "hog");
    assertThat(state(hog)).isEqualTo("FAILED");
    assertThat(hog.path("status").path("reason").asText()).isEqualTo("OOMKilled");
  }

  static int failures(JsonNode task) {
    return task.path("metadata").path("annotations").path("disponent.io/consecutive-failures").asInt(0);
  }

  static Set<String> names(List<JsonNode> tasks) {
    return tasks.stream().map(ClusterPerClass::name).collect(Collectors.toCollection(HashSet::new));
  }

  static String revision(JsonNode t) {
    return t.path("metadata").path("labels").path("disponent.io/revision").asText();
  }
}
