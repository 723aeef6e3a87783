package io.disponent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.Agent;
import io.disponent.agent.AgentConfig;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.store.FreePorts;
import io.disponent.testkit.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks outlive the agent and the control plane: restart re-adopts, an outage kills nothing; an agent whose first
 * server URL is a dead member registers and reports through the next.
 */
class AgentRecoveryIT {
  static final String NS = "recovery-it";
  static final String NODE = "node-r";
  @TempDir Path dir;
  ControlPlane cluster;
  Agent agent;

  @AfterEach
  void stop() throws InterruptedException {
    if (agent != null) {
      agent.close();
    }
    AgentTasks.killLeftovers(dir.resolve("agent"));
    if (cluster != null) {
      cluster.close();
    }
  }

  private Agent startAgent() {
    return startAgent(List.of(cluster.url()));
  }

  private Agent startAgent(List<String> servers) {
    return Agent.start(AgentConfig.of(servers, NODE, dir.resolve("agent")).withLeaseDuration(Duration.ofSeconds(3)));
  }

  @Test
  void anAgentWhoseFirstMemberIsDeadRegistersAndReportsThroughTheNext() {
    cluster = ControlPlane.start(dir);
    cluster.namespace(NS);
    agent = startAgent(List.of("http://127.0.0.1:" + FreePorts.loopback(), cluster.url()));
    await("the Node registered").atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
        assertThat(cluster.client().get(Gvr.NODES, null, NODE).path("status").path("agentURL").asText())
            .isNotEmpty());
    cluster.client().create(Gvr.TASKS, NS, AgentTasks.bound(NS, "first-dead", NODE, "exec sleep 300"));
    await("the task reported RUNNING").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(task(NS, "first-dead").path("status").path("state").asText()).isEqualTo("RUNNING"));
  }

  @Test
  void aRestartedAgentReadoptsTheSameProcessAndAnOutageKillsNothing() throws Exception {
    cluster = ControlPlane.start(dir);
    cluster.namespace(NS);
    agent = startAgent();
    cluster.client().create(Gvr.TASKS, NS, AgentTasks.bound(NS, "long", NODE, "echo started; exec sleep 300"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(task(NS, "long").path("status").path("state").asText()).isEqualTo("RUNNING"));
    JsonNode task = task(NS, "long");
    long pid = task.path("status").path("pid").asLong();
    String uid = task.path("metadata").path("uid").asText();
    Path stdout = dir.resolve("agent/sandboxes").resolve(NS).resolve("long").resolve(uid).resolve("stdout");

    // agent restart: the same process, not a new one
    agent.close();
    agent = null;
    assertThat(ProcessHandle.of(pid)).isPresent();
    agent = startAgent();
    assertThat(agent.tasks().localUids()).contains(uid);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
      JsonNode s = task(NS, "long").path("status");
      assertThat(s.path("state").asText()).isEqualTo("RUNNING");
      assertThat(s.path("pid").asLong()).isEqualTo(pid);
    });
    assertThat(Files.readString(stdout)).isEqualTo("started\n");

    // the control plane goes away: the task keeps running
    cluster.stopServer();
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

    // it comes back on the same data: the agent renews its lease and acts on the Task again
    Instant back = Instant.now().minusSeconds(1);
    cluster.startServer();
    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> Instant.parse(
        cluster.client().get(Gvr.LEASES, "disponent-system", NODE).path("spec").path("renewTime").asText()).isAfter(back));
    assertThat(ProcessHandle.of(pid)).isPresent();
    cluster.client().delete(Gvr.TASKS, NS, "long", DeleteOptions.DEFAULT);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(gone(NS, "long")).isTrue();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    });
  }

  @Test
  void aTaskDeletedWhileTheAgentIsDownIsKilledWhenItReturns() throws Exception {
    cluster = ControlPlane.start(dir);
    cluster.namespace(NS);
    agent = startAgent();
    cluster.client().create(Gvr.TASKS, NS, AgentTasks.bound(NS, "doomed", NODE, "exec sleep 300"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(task(NS, "doomed").path("status").path("state").asText()).isEqualTo("RUNNING"));
    long pid = task(NS, "doomed").path("status").path("pid").asLong();
    agent.close();
    agent = null;
    cluster.client().delete(Gvr.TASKS, NS, "doomed", DeleteOptions.DEFAULT);
    assertThat(task(NS, "doomed").path("metadata").hasNonNull("deletionTimestamp")).isTrue();
    assertThat(ProcessHandle.of(pid)).isPresent();
    agent = startAgent();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(gone(NS, "doomed")).isTrue();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    });
  }

  boolean gone(String ns, String name) {
    try {
      task(ns, name);
      return false;
    } catch (NotFoundException e) {
      return true;
    }
  }

  JsonNode task(String ns, String name) {
    return cluster.client().get(Gvr.TASKS, ns, name);
  }
}
