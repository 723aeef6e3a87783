package io.disponent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.agent.Agent;
import io.disponent.agent.AgentConfig;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.ObjectList;
import io.disponent.store.FreePorts;
import io.disponent.testkit.ControlPlane;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real API server and a real agent in-process, real task processes, no controllers: the test binds tasks. */
class AgentIT {
  static final String NS = "agent-it";
  static final String NODE = "node-a";
  @TempDir static Path dir;
  static ControlPlane cluster;
  static Agent agent;
  static Path dataDir;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    cluster = ControlPlane.start(dir);
    cluster.namespace(NS);
    dataDir = dir.resolve("agent");
    agent = Agent.start(AgentConfig.of(List.of(cluster.url()), NODE, dataDir).withLeaseDuration(Duration.ofSeconds(3)));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (agent != null) {
      agent.close();
    }
    AgentTasks.killLeftovers(dataDir);
    cluster.close();
  }

  @Test
  void runsAHealthCheckedTaskServesItsLogsAndKillsItOnDelete() throws Exception {
    int port = FreePorts.loopback();
    ObjectNode t = AgentTasks.bound(NS, "web", NODE, "echo hello from web; exec python3 -m http.server $PORT --bind 127.0.0.1");
    ((ObjectNode) t.get("spec")).putArray("ports").addObject().put("name", "http").put("hostPort", port);
    ((ObjectNode) t.get("spec")).putArray("healthChecks").addObject().put("type", "HTTP").put("portName", "http")
        .put("path", "/").put("intervalSeconds", 2).put("timeoutSeconds", 1).put("gracePeriodSeconds", 30);
    cluster.client().create(Gvr.TASKS, NS, t);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode s = task(NS, "web").path("status");
      assertThat(s.path("state").asText()).isEqualTo("RUNNING");
      assertThat(s.path("health").asText()).isEqualTo("Healthy");
      assertThat(s.path("ready").asBoolean()).isTrue();
    });
    JsonNode task = task(NS, "web");
    long pid = task.path("status").path("pid").asLong();
    assertThat(pid).isPositive();
    assertThat(ProcessHandle.of(pid)).isPresent();
    assertThat(task.path("status").path("ports").get(0).path("hostPort").asInt()).isEqualTo(port);
    assertThat(task.path("status").path("startedAt").asText()).isNotEmpty();
    assertThat(task.path("metadata").path("finalizers").toString()).contains("disponent.io/agent");
    assertThat(task.path("status").path("conditions").toString()).contains("\"type\":\"Healthy\"", "\"status\":\"True\"");

    // logs through the API server's proxy to the agent
    String logUrl = cluster.url() + "/apis/disponent.io/v1/namespaces/" + NS + "/tasks/web/log";
    HttpResponse<String> tail = http.send(HttpRequest.newBuilder(URI.create(logUrl + "?tailLines=5")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tail.statusCode()).isEqualTo(200);
    assertThat(tail.body()).contains("hello from web");

    // follow stderr, where http.server logs each request; a request of ours must show up
    HttpResponse<InputStream> follow = http.send(
        HttpRequest.newBuilder(URI.create(logUrl + "?follow=true&tailLines=0&container=stderr")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(follow.statusCode()).isEqualTo(200);
    try (InputStream in = follow.body()) {
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/followed-marker")).build(),
          HttpResponse.BodyHandlers.discarding());
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
          int n;
          while (!sb.toString().contains("followed-marker") && (n = in.read(buf)) >= 0) {
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
      });
      assertThat(seen.get(15, TimeUnit.SECONDS)).contains("GET /followed-marker");
    }

    cluster.client().delete(Gvr.TASKS, NS, "web", DeleteOptions.DEFAULT);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(gone(NS, "web")).isTrue();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    });
    assertThat(reasons()).contains("Started", "Killing");
    assertThat(agent.tasks().localUids()).doesNotContain(task.path("metadata").path("uid").asText());
  }

  @Test
  void aFailingTaskIsReportedFailedWithItsExitCodeAndNotRestarted() {
    cluster.client().create(Gvr.TASKS, NS, AgentTasks.bound(NS, "fails", NODE, "echo bad >&2; exit 3"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode s = task(NS, "fails").path("status");
      assertThat(s.path("state").asText()).isEqualTo("FAILED");
      assertThat(s.path("exitCode").asInt()).isEqualTo(3);
      assertThat(s.path("reason").asText()).isEqualTo("Error");
      assertThat(s.path("finishedAt").asText()).isNotEmpty();
    });
    assertThat(reasons()).contains("Exited");
    String rv = task(NS, "fails").path("metadata").path("resourceVersion").asText();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
        assertThat(task(NS, "fails").path("metadata").path("resourceVersion").asText()).isEqualTo(rv));

    cluster.client().delete(Gvr.TASKS, NS, "fails", DeleteOptions.DEFAULT);
    await().atMost(Duration.ofSeconds(10)).until(() -> gone(NS, "fails"));
  }

  @Test
  void aTaskOfAnUnknownUserIsAnErrorThatSaysSo() {
    ObjectNode t = AgentTasks.bound(NS, "ghost", NODE, "echo never");
    ((ObjectNode) t.get("spec")).put("user", "no-such-user-here");
    cluster.client().create(Gvr.TASKS, NS, t);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode s = task(NS, "ghost").path("status");
      assertThat(s.path("state").asText()).isEqualTo("ERROR");
      assertThat(s.path("reason").asText()).isEqualTo("UserNotFound");
      assertThat(s.path("message").asText()).contains("user no-such-user-here does not exist");
    });
    assertThat(reasons()).contains("FailedLaunch");

    cluster.client().delete(Gvr.TASKS, NS, "ghost", DeleteOptions.DEFAULT);
    await().atMost(Duration.ofSeconds(10)).until(() -> gone(NS, "ghost"));
  }

  @Test
  void releasedSandboxesAreRemovedAndLiveOnesStay() throws Exception {
    String node = "node-gc";
    Path quickData = dir.resolve("agent-gc");
    try (Agent quick = Agent.start(AgentConfig.of(List.of(cluster.url()), node, quickData)
        .withLeaseDuration(Duration.ofSeconds(3)).withSandboxRetention(Duration.ZERO))) {
      cluster.client().create(Gvr.TASKS, NS, AgentTasks.bound(NS, "short", node, "echo done"));
      cluster.client().create(Gvr.TASKS, NS, AgentTasks.bound(NS, "long", node, "sleep 60"));
      await().atMost(Duration.ofSeconds(20)).until(() -> "FINISHED".equals(state("short")) && "RUNNING".equals(state("long")));
      Path shortBox = sandboxOf(quickData, "short");
      Path longBox = sandboxOf(quickData, "long");
      assertThat(Files.readString(shortBox.resolve("stdout"))).isEqualTo("done\n");

      cluster.client().delete(Gvr.TASKS, NS, "short", DeleteOptions.DEFAULT);
      await().atMost(Duration.ofSeconds(10)).until(() -> gone(NS, "short") && !Files.exists(shortBox));
      assertThat(longBox.resolve(".disponent/checkpoint.json")).exists();
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> Files.exists(longBox));

      cluster.client().delete(Gvr.TASKS, NS, "long", DeleteOptions.DEFAULT);
      await().atMost(Duration.ofSeconds(15)).until(() -> gone(NS, "long") && !Files.exists(longBox));
    } finally {
      AgentTasks.killLeftovers(quickData);
    }
  }

  static String state(String name) {
    return task(NS, name).path("status").path("state").asText();
  }

  static Path sandboxOf(Path agentData, String name) {
    return agentData.resolve("sandboxes").resolve(NS).resolve(name)
        .resolve(task(NS, name).path("metadata").path("uid").asText());
  }

  @Test
  void registersTheNodeWithCapacityAndRenewsItsLease() {
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
      JsonNode node = cluster.client().get(Gvr.NODES, null, NODE);
      assertThat(node.path("status").path("capacity").path("cpus").asText()).isNotEmpty();
      assertThat(node.path("status").path("capacity").path("memory").asText()).isNotEmpty();
      assertThat(node.path("status").path("allocatable").path("cpus").asText()).isNotEmpty();
      assertThat(node.path("status").path("agentURL").asText()).isEqualTo(agent.url());
      assertThat(node.path("status").path("conditions").toString()).contains("\"type\":\"Ready\"", "\"status\":\"True\"");
      assertThat(node.path("spec").path("attributes").path("hostname").asText()).isNotEmpty();
    });
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() ->
        cluster.client().get(Gvr.LEASES, "disponent-system", NODE) != null);
    String first = cluster.client().get(Gvr.LEASES, "disponent-system", NODE).path("spec").path("renewTime").asText();
    assertThat(first).isNotEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() ->
        !cluster.client().get(Gvr.LEASES, "disponent-system", NODE).path("spec").path("renewTime").asText().equals(first));
    assertThat(Instant.parse(cluster.client().get(Gvr.LEASES, "disponent-system", NODE).path("spec").path("renewTime")
        .asText())).isAfter(Instant.parse(first));
  }

  static boolean gone(String ns, String name) {
    try {
      task(ns, name);
      return false;
    } catch (NotFoundException e) {
      return true;
    }
  }

  static List<String> reasons() {
    ObjectList events = cluster.client().list(Gvr.EVENTS, NS, null, null);
    return events.items().stream().map(e -> e.path("reason").asText()).toList();
  }

  static JsonNode task(String ns, String name) {
    return cluster.client().get(Gvr.TASKS, ns, name);
  }
}
