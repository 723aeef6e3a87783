package io.disponent.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.tasks.ReportEvents.Event;
import io.disponent.client.runtime.EventRecorder.Type;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.TaskStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportEventsTest {
  static JsonNode status(String json) throws Exception {
    return Models.MAPPER.readTree(json);
  }

  static TaskStatus reported(String state, Long pid, Integer exitCode, String reason, String message) {
    return new TaskStatus(1L, state, null, false, null, pid, exitCode, null, reason, message, null, null, null, null);
  }

  static Stream<Arguments> cases() throws Exception {
    JsonNode none = status("{}");
    JsonNode starting = status("{\"state\":\"STARTING\"}");
    JsonNode running = status("{\"state\":\"RUNNING\",\"pid\":42}");
    return Stream.of(
        Arguments.of("no pid yet: nothing", none, reported("STARTING", null, null, null, null), List.of()),
        Arguments.of("the first report with the pid: Started", starting, reported("RUNNING", 42L, null, null, null),
            List.of(new Event(Type.Normal, "Started", "started on node n1 as pid 42"))),
        Arguments.of("the pid known already: nothing", running, reported("RUNNING", 42L, null, null, null), List.of()),
        Arguments.of("exit 0: Exited, Normal", running, reported("FINISHED", null, 0, "Completed", "exited with code 0"),
            List.of(new Event(Type.Normal, "Exited", "exited with code 0"))),
        Arguments.of("exit 3: Exited, Warning", running, reported("FAILED", null, 3, "Error", "exited with code 3"),
            List.of(new Event(Type.Warning, "Exited", "exited with code 3"))),
        Arguments.of("OOM: OOMKilled", running, reported("FAILED", null, null, "OOMKilled", "killed by the OOM killer"),
            List.of(new Event(Type.Warning, "OOMKilled", "killed by the OOM killer"))),
        Arguments.of("killed by the agent: nothing (Killing was said)", running,
            reported("KILLED", null, null, "Killed", "killed by the agent"), List.of()),
        Arguments.of("ended at once: Started and Exited", none, reported("FAILED", 7L, 3, "Error", "exited with code 3"),
            List.of(new Event(Type.Normal, "Started", "started on node n1 as pid 7"),
                new Event(Type.Warning, "Exited", "exited with code 3"))),
        Arguments.of("terminal already: nothing again", status("{\"state\":\"FAILED\",\"pid\":42}"),
            reported("FAILED", null, 3, "Error", "exited with code 3"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eventsOfAReport(String name, JsonNode before, TaskStatus reported, List<Event> expected) {
    assertThat(ReportEvents.of(before, reported, "n1")).isEqualTo(expected);
  }
}
