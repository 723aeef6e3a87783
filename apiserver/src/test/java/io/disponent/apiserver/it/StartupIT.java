package io.disponent.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.StoreReplica;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started with {@link ApiServer#startWaiting} over a store said to have no leader: it listens at once,
 * answers health, refuses everything else with a 503 Status and Retry-After, and serves as soon as the store has
 * a leader. The replica is real; whether it "has a leader" is the test's switch.
 */
class StartupIT {

  @TempDir Path dir;
  private final AtomicBoolean leader = new AtomicBoolean();
  private StoreReplica replica;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    replica = StoreReplica.start(ReplicaConfig.onFreePort(dir.resolve("store")));
    server = ApiServer.startWaiting(replica.store(), ApiServerConfig.defaults("127.0.0.1", 0), leader::get);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    replica.close();
  }

  @Test
  void waitsForALeaderAnsweringHealthAndRefusingTheRestWithRetryAfterThenServes() {
    Http http = new Http(server.url());
    assertThat(http.get("/livez").code()).isEqualTo(200);
    assertThat(http.get("/version").code()).isEqualTo(200);
    Http.Response readyz = http.get("/readyz");
    assertThat(readyz.code()).isEqualTo(503);
    assertThat(readyz.text()).isEqualTo("not ready: store has no leader yet");
    assertThat(readyz.header("Retry-After")).containsExactly("1");
    for (Http.Response refused : new Http.Response[] {
        http.get("/api/v1/namespaces"), http.get("/apis"), http.get("/openapi/v3"),
        http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"early\"}}")}) {
      assertThat(refused.code()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).containsExactly("1");
      JsonNode status = refused.json();
      assertThat(status.path("kind").asText()).isEqualTo("Status");
      assertThat(status.path("reason").asText()).isEqualTo("ServiceUnavailable");
      assertThat(status.path("message").asText()).isEqualTo("the server is not ready: store has no leader yet");
      assertThat(status.path("details").path("retryAfterSeconds").asInt()).isEqualTo(1);
    }
    assertThat(server.serving()).isNotDone();

    leader.set(true);
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/readyz").code() == 200);
    assertThat(server.serving()).isCompleted();
    assertThat(http.get("/readyz").text()).isEqualTo("ok");
    assertThat(http.get("/api/v1/namespaces/default").code()).isEqualTo(200);
    assertThat(http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/services.disponent.io").code())
        .as("the shipped CRDs were created").isEqualTo(200);
    assertThat(http.get("/api/v1/namespaces/early").code()).as("the refused create stored nothing").isEqualTo(404);

    leader.set(false);
    assertThat(http.get("/readyz").text()).isEqualTo("not ready: store has no leader");
    assertThat(http.get("/api/v1/namespaces/default").code()).as("served still, by the store that answers")
        .isEqualTo(200);
  }

  @Test
  void closedBeforeItServesItStopsWaiting() {
    server.close();
    assertThat(server.serving()).isCancelled();
    assertThat(server.ready()).isFalse();
    server = null;
  }
}
