package io.disponent.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiException;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.PatchType;
import io.disponent.client.ResourceWriter;
import io.disponent.client.Status;
import io.disponent.crds.model.Models;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

  @Test
  void repeatsBecomeOneCreateAndPatchesOfItsCountAndLastTimestamp() {
    FakeClock clock = new FakeClock();
    Writes writes = new Writes();
    try (EventRecorder rec = new EventRecorder(writes, "scheduler", clock, 16)) {
      rec.warning(task("t1"), "FailedScheduling", "0/3 nodes fit");
      clock.advance(Duration.ofSeconds(5));
      rec.warning(task("t1"), "FailedScheduling", "0/3 nodes fit");
      rec.normal(task("t1"), "Scheduled", "bound to n1");
      assertThat(rec.flush(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(writes.calls).hasSize(3);
    JsonNode created = writes.calls.stream().filter(c -> c.startsWith("create")).map(writes::body)
        .filter(e -> e.path("reason").asText().equals("FailedScheduling")).findFirst().orElseThrow();
    assertThat(created.path("involvedObject").path("uid").asText()).isEqualTo("uid-t1");
    assertThat(created.path("source").path("component").asText()).isEqualTo("scheduler");
    assertThat(created.path("firstTimestamp").asText()).isEqualTo("2025-01-01T00:00:00Z");
    String name = created.path("metadata").path("name").asText();
    assertThat(writes.calls).anyMatch(c -> c.startsWith("patch ns/" + name + " "));
    JsonNode bump = writes.body(writes.calls.stream().filter(c -> c.startsWith("patch")).findFirst().orElseThrow());
    assertThat(bump.path("count").asInt()).isEqualTo(2);
    assertThat(bump.path("lastTimestamp").asText()).isEqualTo("2025-01-01T00:00:05Z");
  }

  @Test
  void aBumpOfAnEventThatIsGoneCreatesItWithTheCountSoFar() {
    Writes writes = new Writes();
    writes.patchFails = true;
    try (EventRecorder rec = new EventRecorder(writes, "c", new FakeClock(), 16)) {
      rec.normal(task("t1"), "Killing", "m");
      rec.normal(task("t1"), "Killing", "m");
      assertThat(rec.flush(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(writes.calls).hasSize(2).allMatch(c -> c.startsWith("create"));
    assertThat(writes.body(writes.calls.get(1)).path("count").asInt()).isEqualTo(2);
  }

  @Test
  void aFailingServerNeverFailsTheCaller() {
    Writes writes = new Writes();
    writes.down = true;
    try (EventRecorder rec = new EventRecorder(writes, "c", new FakeClock(), 16)) {
      rec.warning(task("t1"), "Unreachable", "m");
      rec.warning(task("t1"), "Unreachable", "m");
      assertThat(rec.flush(Duration.ofSeconds(5))).isTrue();
      writes.down = false;
      rec.warning(task("t1"), "Unreachable", "m");
      assertThat(rec.flush(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(writes.calls).last().asString().startsWith("create");
  }

  static JsonNode task(String name) {
    ObjectNode t = Models.MAPPER.createObjectNode().put("apiVersion", "disponent.io/v1").put("kind", "Task");
    t.putObject("metadata").put("name", name).put("namespace", "ns").put("uid", "uid-" + name);
    return t;
  }

  /** Records what reached the server ("create ns/name body", "patch ns/name body"); can fail on demand. */
  static final class Writes implements ResourceWriter {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile boolean patchFails;

    JsonNode body(String call) {
      try {
        return Models.MAPPER.readTree(call.substring(call.indexOf(' ', call.indexOf(' ') + 1) + 1));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public JsonNode create(Gvr gvr, String namespace, JsonNode object) {
      failIfDown();
      calls.add("create " + namespace + "/" + object.path("metadata").path("name").asText() + " " + object);
      return object;
    }

    @Override
    public JsonNode patch(Gvr gvr, String namespace, String name, PatchType type, JsonNode patch) {
      failIfDown();
      if (patchFails) {
        throw ApiException.of("patch", new Status(404, "NotFound", "gone"), null);
      }
      calls.add("patch " + namespace + "/" + name + " " + patch);
      return patch;
    }

    @Override
    public JsonNode update(Gvr gvr, JsonNode object) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode apply(Gvr gvr, JsonNode object, String fieldManager, boolean force) {
      throw new UnsupportedOperationException();
    }

    @Override
    public JsonNode delete(Gvr gvr, String namespace, String name, DeleteOptions options) {
      throw new UnsupportedOperationException();
    }

    private void failIfDown() {
      if (down) {
        throw ApiException.of("create", new Status(503, "ServiceUnavailable", "down"), null);
      }
    }
  }
}
