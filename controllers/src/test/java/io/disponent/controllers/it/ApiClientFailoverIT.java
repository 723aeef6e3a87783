package io.disponent.controllers.it;

import static io.disponent.testkit.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.client.Gvr;
import io.disponent.client.runtime.Informer;
import io.disponent.store.FreePorts;
import io.disponent.testkit.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API servers in this JVM over one store stand for two members: a client given both keeps its watch and
 * its writes when the member it talks to stops, and moves on from a member that answers 503.
 */
class ApiClientFailoverIT {

  private static final String NS = "failover";
  private static final Duration SHORT = Duration.ofSeconds(15);

  @TempDir Path dir;
  private ControlPlane plane;
  private ApiServer other;

  @AfterEach
  void stop() {
    if (other != null) {
      other.close();
    }
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void aWatchAndWritesContinueWhenTheMemberInUseStops() {
    plane = ControlPlane.start(dir);
    plane.namespace(NS);
    other = ApiServer.start(plane.store(), ApiServerConfig.defaults("127.0.0.1", FreePorts.loopback()));
    try (ApiClient client = new ApiClient(ClientConfig.defaults(other.url(), plane.url())
        .withRetry(3, Duration.ofMillis(50), Duration.ofSeconds(1)));
        Informer<JsonNode> tasks = Informer.of(client, Gvr.TASKS).start()) {
      client.create(Gvr.TASKS, NS, task(NS, "before").build());
      await("the watch through the first member").atMost(SHORT)
          .until(() -> tasks.get(NS, "before").isPresent());
      assertThat(client.server().toString()).isEqualTo(trim(other.url()));

      other.close();
      client.create(Gvr.TASKS, NS, task(NS, "after").build());
      assertThat(client.server().toString()).as("moved on").isEqualTo(trim(plane.url()));
      await("the watch, re-established on the second member").atMost(SHORT)
          .until(() -> tasks.get(NS, "after").isPresent());
    }
  }

  @Test
  void aWriteRefusedWith503GoesToTheNextMember() {
    plane = ControlPlane.start(dir);
    plane.namespace(NS);
    other = ApiServer.startWaiting(plane.store(), ApiServerConfig.defaults("127.0.0.1", FreePorts.loopback()),
        () -> false);
    try (ApiClient client = new ApiClient(ClientConfig.defaults(other.url(), plane.url())
        .withRetry(2, Duration.ofMillis(50), Duration.ofSeconds(1)))) {
      long began = System.nanoTime();
      JsonNode created = client.create(Gvr.TASKS, NS, task(NS, "refused-first").build());
      assertThat(created.path("metadata").path("uid").asText()).isNotEmpty();
      assertThat(client.server().toString()).isEqualTo(trim(plane.url()));
      assertThat(Duration.ofNanos(System.nanoTime() - began)).as("no Retry-After wait before an untried member")
          .isLessThan(Duration.ofSeconds(1));
    }
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
