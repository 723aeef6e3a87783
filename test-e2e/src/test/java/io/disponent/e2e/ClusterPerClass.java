package io.disponent.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disponent.store.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A real cluster per test class: {@code disponent up --no-agent} (store, API server, controllers)
 * plus three {@code disponent agent} JVMs (nodes a1, a2 with attribute rack=r1, a3 with rack=r2),
 * each with its own data dir and host port range. After every test all Services and Tasks are
 * deleted and every task pid the test saw must be gone; then the agents and the server are
 * stopped by their handles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterPerClass {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration LONG = Duration.ofSeconds(90);
  /** Node lease: small, so a killed agent is noticed quickly. */
  static final int LEASE_SECONDS = 4;

  Path work;
  DisponentProcess server;
  Kubectl kubectl;
  final Map<String, AgentProcess> agents = new LinkedHashMap<>();
  /** Every task pid seen through {@link #tasks}, so the cleanup can prove them gone. */
  final Set<Long> seenPids = ConcurrentHashMap.newKeySet();
  private int disponentRuns;

  @BeforeAll
  void startCluster() {
    DisponentProcess.assumeRunnable();
    work = DisponentProcess.workDir(getClass());
    server = DisponentProcess.start(work.resolve("data"), FreePorts.loopback(), FreePorts.loopback(),
        upArguments());
    kubectl = new Kubectl(server.kubeconfig(), work.resolve("home"));
    // host ports away from the agents' default 31000-32000 (other clusters on this machine) and
    // below the ephemeral range; a random block per class so that parallel runs rarely collide
    int base = 20000 + new java.util.Random().nextInt(90) * 100;
    String[][] nodes = {{"a1", "r1", base + "-" + (base + 29)}, {"a2", "r1", (base + 30) + "-" + (base + 59)},
        {"a3", "r2", (base + 60) + "-" + (base + 89)}};
    for (String[] n : java.util.Arrays.copyOf(nodes, agentCount())) {
      agents.put(n[0], AgentProcess.start(server.url(), n[0], work.resolve("agent-" + n[0]), List.of(
          "--cpus", "4", "--memory", "4Gi", "--attribute", "rack=" + n[1], "--port-range", n[2],
          "--lease-seconds", Integer.toString(LEASE_SECONDS))));
    }
    await(agentCount() + " Ready nodes").atMost(LONG).pollInterval(Duration.ofMillis(500))
        .until(() -> agents.keySet().stream().allMatch(this::nodeReady));
  }

  @AfterEach
  void deleteEverything() {
    if (server == null) {
      return;
    }
    // agents a test stopped come back, so that they kill their tasks
    agents.values().stream().filter(a -> !a.alive()).forEach(AgentProcess::restart);
    tasks("");
    kubectl.run("delete", "dsvc", "--all", "--wait=false");
    kubectl.run("delete", "dtask", "--all", "--wait=false");
    await("no Task left").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> items("dtask", "").isEmpty());
    await("every task process gone " + seenPids).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> seenPids.stream().noneMatch(ClusterPerClass::alive));
    seenPids.clear();
  }

  @AfterAll
  void stopCluster() {
    List<RuntimeException> errors = new ArrayList<>();
    for (AgentProcess a : agents.values()) {
      try {
        a.stop();
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    // last resort, by pid only: a task whose agent could not kill it must not outlive the test
    for (long pid : seenPids) {
      ProcessHandle.of(pid).ifPresent(h -> {
        h.descendants().forEach(ProcessHandle::destroyForcibly);
        h.destroyForcibly();
      });
    }
    if (server != null) {
      server.close();
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
  }

  /** How many of the agents a1, a2, a3 the class starts. */
  int agentCount() {
    return 3;
  }

  /** The arguments of {@code up} beyond data dir and ports: by default the control plane alone. */
  List<String> upArguments() {
    return List.of("--no-agent");
  }

  // ---------------------------------------------------------------- kubectl and disponent

  /** Runs kubectl and asserts exit 0; returns stdout. */
  String ok(String... args) {
    return kubectl.run(args).ok();
  }

  String okStdin(String stdin, String... args) {
    return kubectl.stdin(stdin, args).ok();
  }

  String apply(String manifest) {
    return okStdin(manifest, "apply", "-f", "-");
  }

  /** Runs the {@code disponent} CLI (same java command line) with KUBECONFIG of this cluster. */
  Kubectl.Result disponent(Duration timeout, String... args) {
    return DisponentCli.run(server.kubeconfig(), kubectl.home(), "disponent-" + (++disponentRuns), timeout, args);
  }

  // ---------------------------------------------------------------- reading objects

  JsonNode json(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("-o", "json"));
    try {
      return JSON.readTree(ok(a.toArray(String[]::new)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> items(String resource, String selector) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode list = selector.isEmpty() ? json("get", resource) : json("get", resource, "-l", selector);
    list.path("items").forEach(out::add);
    return out;
  }

  /** The Tasks matching the label selector ("" for all); remembers their pids. */
  List<JsonNode> tasks(String selector) {
    List<JsonNode> ts = items("dtask", selector);
    for (JsonNode t : ts) {
      if (t.path("status").path("pid").canConvertToLong() && t.path("status").path("pid").asLong() > 0) {
        seenPids.add(t.path("status").path("pid").asLong());
      }
    }
    return ts;
  }

  /** Tasks of a Service that are not being deleted. */
  List<JsonNode> live(String service) {
    return tasks("disponent.io/service=" + service).stream()
        .filter(t -> t.path("metadata").path("deletionTimestamp").isMissingNode()).toList();
  }

  static boolean runningHealthy(JsonNode t) {
    return "RUNNING".equals(state(t)) && "Healthy".equals(t.path("status").path("health").asText())
        && t.path("metadata").path("deletionTimestamp").isMissingNode();
  }

  long countRunningHealthy(String service) {
    return tasks("disponent.io/service=" + service).stream().filter(ClusterPerClass::runningHealthy).count();
  }

  /** Waits until exactly {@code n} live tasks of the service match {@code p}; returns the live tasks. */
  List<JsonNode> awaitLive(String service, int n, Predicate<JsonNode> p) {
    List<List<JsonNode>> last = new ArrayList<>(List.of(List.of()));
    try {
      await(service + ": " + n + " live tasks matching").atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> {
        List<JsonNode> l = live(service);
        last.set(0, l);
        return l.size() == n && l.stream().allMatch(p);
      });
    } catch (RuntimeException e) {
      throw new AssertionError("last seen: " + summary(last.get(0)), e);
    }
    return last.get(0);
  }

  static String summary(List<JsonNode> tasks) {
    StringBuilder b = new StringBuilder();
    for (JsonNode t : tasks) {
      b.append("\n  ").append(name(t)).append(' ').append(state(t)).append(' ').append(node(t)).append(' ')
          .append(t.path("status").path("health").asText()).append(" pid=").append(t.path("status").path("pid"))
          .append(t.path("metadata").has("deletionTimestamp") ? " (deleting)" : "");
    }
    return b.toString();
  }

  JsonNode get(String resource, String name) {
    return json("get", resource, name);
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  static String state(JsonNode t) {
    return t.path("status").path("state").asText();
  }

  static String node(JsonNode t) {
    return t.path("spec").path("nodeName").asText();
  }

  static long pid(JsonNode t) {
    return t.path("status").path("pid").asLong();
  }

  static List<Integer> hostPorts(JsonNode t) {
    List<Integer> ports = new ArrayList<>();
    t.path("status").path("ports").forEach(p -> ports.add(p.path("hostPort").asInt()));
    return ports;
  }

  static Optional<JsonNode> condition(JsonNode o, String type) {
    for (JsonNode c : o.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  boolean nodeReady(String node) {
    Kubectl.Result r = kubectl.run("get", "dnode", node, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
    return r.exit() == 0 && r.out().trim().equals("True");
  }

  /** The process's arguments joined by spaces (from /proc), or "" when it is gone. */
  static String commandLine(long pid) {
    try {
      return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/" + pid + "/cmdline")),
          java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static int httpGet(int port, String path) {
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).proxy(HttpClient.Builder.NO_PROXY)
          .build();
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String manifest(String relative) {
    try {
      return Files.readString(DisponentProcess.root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
