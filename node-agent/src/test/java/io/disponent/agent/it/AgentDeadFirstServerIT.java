package io.disponent.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.disponent.agent.Agent;
import io.disponent.agent.AgentConfig;
import io.disponent.client.Gvr;
import io.disponent.store.FreePorts;
import io.disponent.testkit.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent whose first server URL is a dead member still registers its Node and reports its tasks. */
class AgentDeadFirstServerIT {
  static final String NS = "dead-first-it";
  static final String NODE = "node-d";
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

  @Test
  void registersAndReportsThroughTheNextMember() {
    cluster = ControlPlane.start(dir);
    cluster.namespace(NS);
    String dead = "http://127.0.0.1:" + FreePorts.loopback();
    agent = Agent.start(AgentConfig.of(List.of(dead, cluster.url()), NODE, dir.resolve("agent"))
        .withLeaseDuration(Duration.ofSeconds(3)));
    await("the Node registered").atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
        assertThat(cluster.client().get(Gvr.NODES, null, NODE).path("status").path("agentURL").asText())
            .isNotEmpty());
    cluster.client().create(Gvr.TASKS, NS, AgentTasks.bound(NS, "t", NODE, "exec sleep 300"));
    await("the task reported RUNNING").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(cluster.client().get(Gvr.TASKS, NS, "t").path("status").path("state").asText())
            .isEqualTo("RUNNING"));
  }
}
