package io.disponent.client.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.Gvr;
import io.disponent.client.MemoryApi;
import io.disponent.client.PatchType;
import io.disponent.client.ResourceClient;
import io.disponent.client.ResourceWriter;
import io.disponent.client.runtime.Cached;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Informer;
import io.disponent.client.runtime.Key;
import io.disponent.client.runtime.LeaderCallbacks;
import io.disponent.client.runtime.LeaderElectionConfig;
import io.disponent.client.runtime.LeaderElector;
import io.disponent.client.runtime.Reconciler;
import io.disponent.client.runtime.Result;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Task;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A controller as an author outside this repository writes it, from the client module's public API alone
 * (this package sees nothing package-private): it labels every bound Task with its node, under leader
 * election, with an Event per label. {@link MemoryApi} stands in for the server.
 */
class OutsideControllerTest {
  static final String LABEL = "example.io/node";

  /** The reconciler: reads the typed cache, writes through the narrow writer, tells people. */
  record Labeler(Informer<Task> tasks, ResourceWriter writer, EventRecorder events) implements Reconciler {
    @Override
    public Result reconcile(Key key) {
      Cached<Task> t = tasks.getCached(key.namespace(), key.name()).orElse(null);
      if (t == null || t.value().spec() == null || t.value().spec().nodeName() == null) {
        return Result.done();
      }
      String node = t.value().spec().nodeName();
      Map<String, String> labels = t.value().metadata().getLabels();
      if (labels != null && node.equals(labels.get(LABEL))) {
        return Result.done();
      }
      ObjectNode patch = Models.MAPPER.createObjectNode();
      patch.putObject("metadata").putObject("labels").put(LABEL, node);
      writer.patch(Gvr.TASKS, key.namespace(), key.name(), PatchType.MERGE, patch);
      events.normal(t.json(), "Labeled", "runs on node " + node);
      return Result.done();
    }
  }

  /** One term of leadership: fresh informer, recorder and controller, closed together. */
  static AutoCloseable start(ResourceClient api) {
    Informer<Task> tasks = Informer.of(api, Gvr.TASKS, Task.class);
    EventRecorder events = new EventRecorder(api, "labeler");
    Controller c = Controller.builder("labeler", new Labeler(tasks, api, events)).workers(2)
        .registry(new PrometheusRegistry())
        .watchesCached(tasks, t -> t.value().spec() == null || t.value().spec().nodeName() == null ? List.of()
            : List.of(Key.of(t.json())))
        .build();
    c.start();
    tasks.start();
    return () -> {
      c.close();
      tasks.close();
      events.close();
    };
  }

  @Test
  void labelsBoundTasksWhileItLeads() {
    MemoryApi api = new MemoryApi();
    api.create(Gvr.TASKS, "ns", MemoryApi.task("ns", "bound", "n1"));
    api.create(Gvr.TASKS, "ns", MemoryApi.task("ns", "unbound", null));
    LeaderElectionConfig election = new LeaderElectionConfig("ns", "labeler", "me", Duration.ofSeconds(3),
        Duration.ofSeconds(2), Duration.ofMillis(200));
    try (LeaderElector elector = new LeaderElector(api, election, LeaderCallbacks.whileLeading(() -> start(api)),
        Clock.systemUTC()).start()) {
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(label(api, "bound")).isEqualTo("n1");
        assertThat(api.list(Gvr.EVENTS, "ns", null, null).items())
            .extracting(e -> e.path("reason").asText() + " " + e.path("involvedObject").path("name").asText())
            .containsExactly("Labeled bound");
      });
      assertThat(label(api, "unbound")).isEmpty();

      api.create(Gvr.TASKS, "ns", MemoryApi.task("ns", "later", "n2"));
      await().atMost(Duration.ofSeconds(10)).until(() -> label(api, "later").equals("n2"));
    }
    assertThat(api.get(Gvr.LEASES, "ns", "labeler").path("spec").path("holderIdentity").asText())
        .as("released on close").isEmpty();
  }

  static String label(MemoryApi api, String task) {
    JsonNode t = api.get(Gvr.TASKS, "ns", task);
    return t.path("metadata").path("labels").path(LABEL).asText("");
  }
}
