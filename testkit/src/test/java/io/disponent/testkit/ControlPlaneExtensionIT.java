package io.disponent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneExtensionIT {
  @RegisterExtension static final ControlPlaneExtension cp = new ControlPlaneExtension();
  static final AtomicBoolean closed = new AtomicBoolean();
  static String earlierNamespace;

  @Test
  @Order(1)
  void eachTestHasItsOwnNamespace() {
    assertThat(cp.namespace()).startsWith("each-test-has-its-own-namespace-");
    assertThat(cp.client().get(Gvr.NAMESPACES, null, cp.namespace())).isNotNull();
    earlierNamespace = cp.namespace();
    cp.plane().run(c -> () -> closed.set(true));
    assertThat(closed).isFalse();
  }

  @Test
  @Order(2)
  void whatTheLastTestStartedIsStoppedAndItsNamespaceGoes() {
    assertThat(closed).isTrue();
    assertThat(cp.namespace()).isNotEqualTo(earlierNamespace);
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      try {
        cp.client().get(Gvr.NAMESPACES, null, earlierNamespace);
        return false;
      } catch (NotFoundException gone) {
        return true;
      }
    });
  }

  @Test
  @Order(3)
  void hollowAgentRunsBoundTasksAndKillsDeletedOnes() {
    String ns = cp.namespace();
    HollowAgent agent = cp.plane().hollowAgents(HollowAgent.Config.of(ns, 2, "4", "8Gi"));
    assertThat(cp.client().get(Gvr.NODES, null, agent.nodes().get(0)).path("status").path("agentVersion").asText())
        .isEqualTo("hollow");
    cp.client().create(Gvr.TASKS, ns, TaskBuilder.task(ns, "t").node(agent.nodes().get(1)).build());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode status = cp.client().get(Gvr.TASKS, ns, "t").path("status");
      assertThat(status.path("state").asText()).isEqualTo("RUNNING");
      assertThat(status.path("ready").asBoolean()).isTrue();
    });
    cp.client().delete(Gvr.TASKS, ns, "t", DeleteOptions.DEFAULT);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(cp.client().list(Gvr.TASKS, ns, null, null).items()).isEmpty());
  }

  @Test
  @Order(4)
  void buildersMakeObjectsTheServerAccepts() {
    String ns = cp.namespace();
    cp.client().create(Gvr.NODES, null, NodeBuilder.node("built-" + ns).attribute("rack", "r1").build());
    cp.client().create(Gvr.SERVICES, ns, ServiceBuilder.service(ns, "web").instances(2).resources("0.5", "64Mi")
        .port("http").constraint("hostname", "UNIQUE").constraint("rack", "IS", "r1").build());
    JsonNode web = cp.client().get(Gvr.SERVICES, ns, "web");
    assertThat(web.path("spec").path("constraints")).hasSize(2);
    assertThat(cp.client().get(Gvr.NODES, null, "built-" + ns).path("spec").path("attributes").path("rack").asText())
        .isEqualTo("r1");
  }
}
