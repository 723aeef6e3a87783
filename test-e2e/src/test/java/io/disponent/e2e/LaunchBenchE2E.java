package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disponent.store.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test of the default run ({@code -Dbench.launch=true}, see {@code hack/bench-launch.sh}):
 * from a Service create to all N of its tasks RUNNING on one real agent, for each N of
 * {@code bench.sizes} (default 1,10,100), {@code bench.rounds} times (default 5). The server and the
 * agent run with bin/disponent's JVM defaults. Times are taken where a user sees them: by a watch
 * on the Service's Tasks, so each task's path splits into apply → created (service controller),
 * created → bound (scheduler) and bound → RUNNING (agent). The agent's cost per task is its CPU
 * time over the round divided by N, and the proportional set size of each task's wrapper process.
 */
class LaunchBenchE2E {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASKS = "/apis/disponent.io/v1/namespaces/default/tasks";
  private static final String SERVICES = "/apis/disponent.io/v1/namespaces/default/services";
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .proxy(HttpClient.Builder.NO_PROXY).build();
  private String server;

  /** One task's moments (System.nanoTime when the watch showed them). */
  private static final class Moments {
    long created;
    long bound;
    long running;
    long pid;
  }

  private record Round(int n, long allRunningNanos, List<long[]> phases, double agentCpuMsPerTask,
      double wrapperRssKib, long agentRssKib) {}

  @Test
  void serviceCreateToAllRunning() throws Exception {
    assumeTrue(Boolean.getBoolean("bench.launch"), "a benchmark: run with -Dbench.launch=true");
    DisponentProcess.assumeRunnable();
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1,10,100").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    int rounds = Integer.getInteger("bench.rounds", 5);
    Path work = DisponentProcess.workDir(getClass());
    int base = 20000 + new java.util.Random().nextInt(80) * 100;
    List<Round> results = new ArrayList<>();
    try (DisponentProcess up = DisponentProcess.start(List.of(), work.resolve("data"), FreePorts.loopback(),
        FreePorts.loopback(), List.of("--no-agent"));
        AgentProcess agent = AgentProcess.start(List.of(), up.url(), "bench", work.resolve("agent"), List.of(
            "--cpus", "16", "--memory", "16Gi", "--port-range", base + "-" + (base + 99)))) {
      server = up.url();
      awaitNodeReady();
      long agentPid = agent.process().pid();
      int round = 0;
      // one warm-up round of the largest size: both JVMs compile their hot paths before any figure counts
      runRound(Arrays.stream(sizes).max().orElse(1), "warmup", agentPid);
      for (int n : sizes) {
        for (int r = 0; r < rounds; r++) {
          results.add(runRound(n, "r" + (++round), agentPid));
        }
      }
    }
    String table = table(results);
    System.out.println(table);
    Files.writeString(Path.of("target", "launch-bench.md"), table);
  }

  private Round runRound(int n, String id, long agentPid) throws Exception {
    String name = "bench-" + n + "-" + id;
    String selector = "disponent.io/service=" + name;
    String rv = get(TASKS + "?labelSelector=" + enc(selector)).path("metadata").path("resourceVersion").asText();
    Map<String, Moments> tasks = new ConcurrentHashMap<>();
    HttpResponse<Stream<String>> watch = http.send(HttpRequest.newBuilder(URI.create(server + TASKS
        + "?watch=true&allowWatchBookmarks=false&resourceVersion=" + rv + "&labelSelector=" + enc(selector))).build(),
        HttpResponse.BodyHandlers.ofLines());
    Thread reader = new Thread(() -> {
      try {
        watch.body().forEach(line -> record(line, tasks));
      } catch (UncheckedIOException e) {
        // the watch was closed at the end of the round
      }
    }, "watch-" + name);
    reader.setDaemon(true);
    reader.start();
    long cpuBefore = cpuTicks(agentPid);
    long t0 = System.nanoTime();
    post(SERVICES, service(name, n));
    long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
    while (running(tasks) < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + ": " + running(tasks) + "/" + n + " RUNNING after 300 s");
      }
      Thread.sleep(5);
    }
    long allRunning = tasks.values().stream().mapToLong(m -> m.running).max().orElseThrow() - t0;
    long cpuAfter = cpuTicks(agentPid);
    List<long[]> phases = new ArrayList<>();
    long rssSum = 0;
    for (Moments m : tasks.values()) {
      phases.add(new long[] {m.running - t0, m.created - t0, m.bound - m.created, m.running - m.bound});
      rssSum += kib(m.pid, "smaps_rollup", "Pss:");
    }
    long agentRss = kib(agentPid, "status", "VmRSS:");
    delete(SERVICES + "/" + name);
    awaitGone(selector, tasks);
    watch.body().close();
    reader.join(5000);
    double cpuMs = (cpuAfter - cpuBefore) * 1000.0 / TICKS_PER_SECOND / n;
    System.out.printf("[launch-bench] %s: all %d RUNNING in %.0f ms%n", name, n, allRunning / 1e6);
    return new Round(n, allRunning, phases, cpuMs, (double) rssSum / n, agentRss);
  }

  private static void record(String line, Map<String, Moments> tasks) {
    long now = System.nanoTime();
    try {
      JsonNode event = JSON.readTree(line);
      JsonNode t = event.path("object");
      Moments m = tasks.computeIfAbsent(t.path("metadata").path("name").asText(), k -> new Moments());
      if (m.created == 0) {
        m.created = now;
      }
      if (m.bound == 0 && !t.path("spec").path("nodeName").asText().isEmpty()) {
        m.bound = now;
      }
      if (m.running == 0 && "RUNNING".equals(t.path("status").path("state").asText())) {
        m.pid = t.path("status").path("pid").asLong();
        m.running = now;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long running(Map<String, Moments> tasks) {
    return tasks.values().stream().filter(m -> m.running != 0).count();
  }

  private static String service(String name, int n) {
    return """
        {"apiVersion": "disponent.io/v1", "kind": "Service", "metadata": {"name": "%s"},
         "spec": {"instances": %d, "template": {"spec": {"command": ["sleep", "3600"],
           "resources": {"cpus": "10m", "memory": "16Mi"}}}}}
        """.formatted(name, n);
  }

  private void awaitGone(String selector, Map<String, Moments> tasks) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      boolean noTasks = get(TASKS + "?labelSelector=" + enc(selector)).path("items").isEmpty();
      if (noTasks && tasks.values().stream().noneMatch(m -> ProcessHandle.of(m.pid).isPresent())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("tasks of " + selector + " still there after 120 s");
  }

  private void awaitNodeReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/apis/disponent.io/v1/nodes/bench"))
          .build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node = r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
      for (JsonNode c : node.path("status").path("conditions")) {
        if ("Ready".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node bench not Ready in 90 s");
  }

  // ---------------------------------------------------------------- the table

  static String table(List<Round> rounds) {
    StringBuilder b = new StringBuilder();
    b.append("| N | rounds | all RUNNING p50 ms | per task p50 / p99 ms | create→task p50 | scheduler p50 / p99 |"
        + " agent p50 / p99 | agent CPU ms/task | wrapper PSS KiB/task | agent RSS MiB |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int n : rounds.stream().mapToInt(Round::n).distinct().toArray()) {
      List<Round> of = rounds.stream().filter(r -> r.n() == n).toList();
      long[] all = of.stream().mapToLong(Round::allRunningNanos).sorted().toArray();
      List<long[]> phases = of.stream().flatMap(r -> r.phases().stream()).toList();
      b.append(String.format("| %d | %d | %.0f | %s | %.0f | %s | %s | %.1f | %.0f | %.0f |%n", n, of.size(),
          percentile(all, 50) / 1e6, pair(phases, 0), percentile(column(phases, 1), 50) / 1e6, pair(phases, 2),
          pair(phases, 3), of.stream().mapToDouble(Round::agentCpuMsPerTask).average().orElse(0),
          of.stream().mapToDouble(Round::wrapperRssKib).average().orElse(0),
          of.stream().mapToLong(Round::agentRssKib).max().orElse(0) / 1024.0));
    }
    return b.toString();
  }

  private static String pair(List<long[]> phases, int i) {
    long[] c = column(phases, i);
    return String.format("%.0f / %.0f", percentile(c, 50) / 1e6, percentile(c, 99) / 1e6);
  }

  private static long[] column(List<long[]> phases, int i) {
    return phases.stream().mapToLong(p -> p[i]).sorted().toArray();
  }

  /** Nearest-rank percentile of a sorted array. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  // ---------------------------------------------------------------- /proc and HTTP

  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
  }

  /** A "Name:  N kB" line of a /proc file of {@code pid}; 0 when the process is gone. */
  private static long kib(long pid, String file, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // gone
    }
    return 0;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private void post(String path, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(201);
  }

  private void delete(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("DELETE %s: %s", path, r.body()).isBetween(200, 202);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
