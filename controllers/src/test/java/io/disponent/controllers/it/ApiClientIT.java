package io.disponent.controllers.it;

import static io.disponent.controllers.reconcile.Json.resourceVersion;
import static io.disponent.testkit.TaskBuilder.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.cache.WatchCacheConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ApiException;
import io.disponent.client.ClientConfig;
import io.disponent.client.ConflictException;
import io.disponent.client.DeleteOptions;
import io.disponent.client.ExpiredException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.ObjectList;
import io.disponent.client.PatchType;
import io.disponent.client.StatusException;
import io.disponent.client.UnavailableException;
import io.disponent.client.Watch;
import io.disponent.client.WatchEvent;
import io.disponent.client.WatchHandler;
import io.disponent.crds.model.Models;
import io.disponent.store.FreePorts;
import io.disponent.testkit.ControlPlane;
import io.disponent.testkit.Namespaces;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientIT {
  private static final ObjectMapper JSON = Models.MAPPER;

  @TempDir static Path dir;
  static ControlPlane server;
  static ApiClient client;

  @BeforeAll
  static void start() {
    server = ControlPlane.start(dir, c -> c.withWatchCache(WatchCacheConfig.DEFAULT.withEventWindow(5)));
    client = new ApiClient(ClientConfig.defaults(server.url()));
    client.create(Gvr.NAMESPACES, null, Namespaces.namespace("crud"));
    client.create(Gvr.NAMESPACES, null, Namespaces.namespace("pages"));
    client.create(Gvr.NAMESPACES, null, Namespaces.namespace("expire"));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void crudWithConflictsStatusPatchApplyAndPreconditions() {
    JsonNode created = client.create(Gvr.TASKS, "crud", task("crud", "t1").build());
    assertThat(created.path("metadata").path("uid").asText()).isNotEmpty();
    assertThatThrownBy(() -> client.create(Gvr.TASKS, "crud", task("crud", "t1").build()))
        .isInstanceOf(ConflictException.class);

    JsonNode got = client.get(Gvr.TASKS, "crud", "t1");
    ObjectNode changed = got.deepCopy();
    ((ObjectNode) changed.path("spec")).put("nodeName", "n1");
    JsonNode updated = client.update(Gvr.TASKS, changed);
    assertThat(updated.path("spec").path("nodeName").asText()).isEqualTo("n1");
    // the stale copy conflicts
    ObjectNode stale = got.deepCopy();
    ((ObjectNode) stale.path("spec")).put("nodeName", "n2");
    assertThatThrownBy(() -> client.update(Gvr.TASKS, stale)).isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ApiException) e).status().reason()).isEqualTo("Conflict"));

    ObjectNode withStatus = updated.deepCopy();
    withStatus.putObject("status").put("state", "RUNNING");
    JsonNode st = client.updateStatus(Gvr.TASKS, withStatus);
    assertThat(st.path("status").path("state").asText()).isEqualTo("RUNNING");

    JsonNode patched = client.patch(Gvr.TASKS, "crud", "t1", PatchType.MERGE,
        JSON.createObjectNode().set("metadata", JSON.createObjectNode().set("labels",
            JSON.createObjectNode().put("app", "web"))));
    assertThat(patched.path("metadata").path("labels").path("app").asText()).isEqualTo("web");
    JsonNode jsonPatched = client.patch(Gvr.TASKS, "crud", "t1", PatchType.JSON, JSON.createArrayNode()
        .add(JSON.createObjectNode().put("op", "replace").put("path", "/spec/shell").put("value", "sleep 2")));
    assertThat(jsonPatched.path("spec").path("shell").asText()).isEqualTo("sleep 2");

    ObjectNode applied = task("crud", "t2").node("n9").build();
    JsonNode a = client.apply(Gvr.TASKS, applied, "it-manager", true);
    assertThat(a.path("spec").path("nodeName").asText()).isEqualTo("n9");
    assertThat(a.path("metadata").path("managedFields").toString()).contains("it-manager");

    assertThatThrownBy(() -> client.patch(Gvr.TASKS, "crud", "t1", PatchType.MERGE,
        JSON.createObjectNode().set("spec", JSON.createObjectNode().put("shell", "x").set("command",
            JSON.createArrayNode().add("y")))))
        .isInstanceOf(StatusException.class).satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(422));

    assertThatThrownBy(() -> client.delete(Gvr.TASKS, "crud", "t1", new DeleteOptions(null, "wrong-uid", null)))
        .isInstanceOf(ConflictException.class);
    client.delete(Gvr.TASKS, "crud", "t1", new DeleteOptions("Background", created.path("metadata").path("uid")
        .asText(), null));
    assertThatThrownBy(() -> client.get(Gvr.TASKS, "crud", "t1")).isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((ApiException) e).status().reason()).isEqualTo("NotFound"));
  }

  @Test
  void listFollowsPagesAndSelectors() {
    for (int i = 0; i < 7; i++) {
      ObjectNode t = task("pages", "p" + i).node(i % 2 == 0 ? "even" : "odd").build();
      ((ObjectNode) t.path("metadata")).putObject("labels").put("parity", i % 2 == 0 ? "even" : "odd");
      client.create(Gvr.TASKS, "pages", t);
    }
    ObjectList all = client.list(Gvr.TASKS, "pages", null, null);
    assertThat(all.items()).hasSize(7);
    assertThat(Long.parseLong(all.resourceVersion())).isPositive();
    assertThat(client.list(Gvr.TASKS, "pages", "parity=even", null).items()).hasSize(4);
    assertThat(client.list(Gvr.TASKS, "pages", null, "metadata.name=p3").items()).hasSize(1);
  }

  @Test
  void watchStreamsChangesThenReportsExpiryDistinctly() throws Exception {
    String from = client.list(Gvr.TASKS, "expire", null, null).resourceVersion();
    List<WatchEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<ApiException> closed = new CompletableFuture<>();
    try (Watch w = client.watch(Gvr.TASKS, "expire", null, null, from, handler(events, closed))) {
      client.create(Gvr.TASKS, "expire", task("expire", "w1").build());
      client.patch(Gvr.TASKS, "expire", "w1", PatchType.MERGE, JSON.readTree("{\"spec\":{\"shell\":\"true\"}}"));
      client.delete(Gvr.TASKS, "expire", "w1", DeleteOptions.DEFAULT);
      await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().filter(e -> !e.isBookmark()).count() == 3);
      assertThat(events.stream().filter(e -> !e.isBookmark()).map(WatchEvent::type))
          .containsExactly("ADDED", "MODIFIED", "DELETED");
    }
    // many events past the server's 5-event window, then compaction: resuming from `from` is gone
    String last = from;
    for (int i = 0; i < 8; i++) {
      last = resourceVersion(client.create(Gvr.TASKS, "expire", task("expire", "e" + i).build()));
    }
    server.store().compact(Long.parseLong(last)).get(10, TimeUnit.SECONDS);
    CompletableFuture<ApiException> expired = new CompletableFuture<>();
    try (Watch w = client.watch(Gvr.TASKS, "expire", null, null, from, handler(new CopyOnWriteArrayList<>(),
        expired))) {
      assertThat(expired.get(10, TimeUnit.SECONDS)).isInstanceOf(ExpiredException.class)
          .satisfies(e -> assertThat(e.code()).isEqualTo(410));
    }
  }

  @Test
  void failsOverToTheNextServerAndTheBreakerFailsFast() {
    String dead = "http://127.0.0.1:" + FreePorts.loopback();
    try (ApiClient two = new ApiClient(ClientConfig.defaults(dead, server.url())
        .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50)))) {
      assertThat(two.list(Gvr.NAMESPACES, null, null, null).items()).isNotEmpty();
      assertThat(two.server().toString()).isEqualTo(server.url().replaceAll("/$", ""));
    }
    try (ApiClient none = new ApiClient(ClientConfig.defaults(dead)
        .withRetry(1, Duration.ofMillis(10), Duration.ofMillis(50)).withBreaker(50, 4, Duration.ofMillis(300)))) {
      for (int i = 0; i < 4; i++) {
        assertThatThrownBy(() -> none.list(Gvr.NAMESPACES, null, null, null)).isInstanceOf(UnavailableException.class);
      }
      assertThat(none.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThatThrownBy(() -> none.get(Gvr.NAMESPACES, null, "default"))
          .isInstanceOf(UnavailableException.class)
          .satisfies(e -> assertThat(((ApiException) e).status().reason()).isEqualTo("CircuitOpen"));
      // after the open period a probe goes through (and fails again here: still no server)
      await().pollDelay(Duration.ofMillis(350)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
          assertThatThrownBy(() -> none.get(Gvr.NAMESPACES, null, "default"))
              .satisfies(e -> assertThat(((ApiException) e).status().reason()).isEqualTo("Unavailable")));
    }
  }

  /** Collects a watch's events into {@code events} and completes {@code closed} with how it ended. */
  static WatchHandler handler(List<WatchEvent> events, CompletableFuture<ApiException> closed) {
    return new WatchHandler() {
      @Override
      public void onEvent(WatchEvent event) {
        events.add(event);
      }

      @Override
      public void onClose(ApiException cause) {
        closed.complete(cause);
      }
    };
  }
}
