package io.disponent.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.health.Verdict;
import io.disponent.agent.runtime.TaskState;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskStatusBuilderTest {
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final JsonNode EMPTY = Models.MAPPER.createObjectNode();

  static TaskStatusBuilder.Input in(TaskState s, boolean killedByAgent, boolean killing, List<Verdict> live) {
    return new TaskStatusBuilder.Input(s, killedByAgent, killing, 2, Map.of("http", 31001), "2024-05-01T09:00:00Z",
        s.terminal() ? "2024-05-01T09:59:00Z" : null, live, List.of(), EMPTY);
  }

  static Stream<Arguments> terminal() {
    return Stream.of(
        Arguments.of(new TaskState.Exited(0), false, "FINISHED", "Completed", 0, null),
        Arguments.of(new TaskState.Exited(3), false, "FAILED", "Error", 3, null),
        Arguments.of(new TaskState.Exited(3), true, "FAILED", "Error", 3, null),
        Arguments.of(new TaskState.Killed(9), false, "FAILED", "Signal", null, 9),
        Arguments.of(new TaskState.Killed(15), true, "KILLED", "Killed", null, 15),
        Arguments.of(new TaskState.OOMKilled(1 << 20), false, "FAILED", "OOMKilled", null, 9),
        Arguments.of(new TaskState.Lost("gone"), false, "FAILED", "Error", null, null),
        Arguments.of(new TaskState.Lost("gone"), true, "KILLED", "Killed", null, null));
  }

  @ParameterizedTest(name = "{0} killedByAgent={1} -> {2} {3}")
  @MethodSource("terminal")
  void terminalStates(TaskState s, boolean killedByAgent, String state, String reason, Integer exitCode, Integer signal) {
    TaskStatus st = TaskStatusBuilder.build(in(s, killedByAgent, false, List.of()), NOW);
    assertThat(st.state()).isEqualTo(state);
    assertThat(st.reason()).isEqualTo(reason);
    assertThat(st.exitCode()).isEqualTo(exitCode);
    assertThat(st.signal()).isEqualTo(signal);
    assertThat(st.finishedAt()).isEqualTo("2024-05-01T09:59:00Z");
    assertThat(st.ready()).isFalse();
    assertThat(st.observedGeneration()).isEqualTo(2);
  }

  @Test
  void runningReportsPidPortsHealthAndTheHealthyCondition() {
    Verdict ok = new Verdict(Verdict.Health.HEALTHY, 0, true, "200");
    TaskStatus st = TaskStatusBuilder.build(in(new TaskState.Running(10, 11), false, false, List.of(ok)), NOW);
    assertThat(st.state()).isEqualTo("RUNNING");
    assertThat(st.pid()).isEqualTo(11);
    assertThat(st.ports()).singleElement().satisfies(p -> assertThat(p.hostPort()).isEqualTo(31001));
    assertThat(st.health()).isEqualTo("Healthy");
    assertThat(st.ready()).isTrue();
    assertThat(st.conditions()).singleElement().satisfies(c -> {
      assertThat(c.type()).isEqualTo("Healthy");
      assertThat(c.status()).isEqualTo("True");
      assertThat(c.lastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
    });
  }

  static Stream<Arguments> taskPidNotRecordedYet() {
    return Stream.of(Arguments.of(false, "STARTING"), Arguments.of(true, "KILLING"));
  }

  /** Issue 17: the wrapper's pid is never reported as the task's; RUNNING waits for the task's own pid. */
  @ParameterizedTest(name = "killing={0} -> {1}, no pid")
  @MethodSource("taskPidNotRecordedYet")
  void aTaskWhosePidIsNotRecordedYetHasNoPid(boolean killing, String state) {
    Verdict ok = new Verdict(Verdict.Health.HEALTHY, 0, true, "200");
    TaskStatus st = TaskStatusBuilder.build(in(new TaskState.Running(10, 0), false, killing, List.of(ok)), NOW);
    assertThat(st.state()).isEqualTo(state);
    assertThat(st.pid()).isNull();
    assertThat(st.ready()).isFalse();
    assertThat(st.health()).isNull();
    assertThat(st.startedAt()).isEqualTo("2024-05-01T09:00:00Z");
  }

  @Test
  void unhealthyIsNotReadyAndKillingIsReported() {
    Verdict bad = new Verdict(Verdict.Health.UNHEALTHY, 3, true, "refused (3 in a row)");
    TaskStatus st = TaskStatusBuilder.build(in(new TaskState.Running(10, 11), false, true, List.of(bad)), NOW);
    assertThat(st.state()).isEqualTo("KILLING");
    assertThat(st.pid()).isEqualTo(11);
    assertThat(st.health()).isEqualTo("Unhealthy");
    assertThat(st.ready()).isFalse();
    assertThat(st.conditions().get(0).status()).isEqualTo("False");
    assertThat(st.conditions().get(0).message()).contains("refused");
  }

  @Test
  void diffIsNullWhenTheServerAlreadySaysItAndKeepsTransitionTimes() throws Exception {
    Verdict ok = new Verdict(Verdict.Health.HEALTHY, 0, true, "200");
    TaskStatus first = TaskStatusBuilder.build(in(new TaskState.Running(10, 11), false, false, List.of(ok)), NOW);
    JsonNode server = Models.MAPPER.readTree(Models.MAPPER.writeValueAsString(first));
    TaskStatus later = TaskStatusBuilder.build(new TaskStatusBuilder.Input(new TaskState.Running(10, 11), false, false,
        2, Map.of("http", 31001), "2024-05-01T09:00:00Z", null, List.of(ok), List.of(), server), NOW.plusSeconds(60));
    assertThat(TaskStatusBuilder.diff(later, server)).isNull();
    TaskStatus ended = TaskStatusBuilder.build(in(new TaskState.Exited(1), false, false, List.of()), NOW);
    assertThat(TaskStatusBuilder.diff(ended, server).path("state").asText()).isEqualTo("FAILED");
  }
}
