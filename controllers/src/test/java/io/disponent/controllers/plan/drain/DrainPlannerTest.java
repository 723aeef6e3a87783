package io.disponent.controllers.plan.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.controllers.plan.Fixtures;
import io.disponent.controllers.plan.TaskView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DrainPlannerTest {
  static TaskView on(String name, String node, String state, boolean healthyReady, String owner, String replaces) {
    return new TaskView(name, state, healthyReady ? "Healthy" : "Unknown", true, healthyReady, Fixtures.T0,
        Fixtures.T0, null, node, "r1", null, false, 0, null, owner, replaces);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("no replacement yet: surge", List.of(on("a", "n1", "RUNNING", true, "web", null)),
            List.of("a"), List.of(), List.of("a"), false),
        Arguments.of("replacement starting: wait", List.of(on("a", "n1", "RUNNING", true, "web", null),
            on("a2", "n2", "STARTING", false, "web", "a")), List.of(), List.of(), List.of("a"), false),
        Arguments.of("replacement healthy and ready: kill old", List.of(on("a", "n1", "RUNNING", true, "web", null),
            on("a2", "n2", "RUNNING", true, "web", "a")), List.of(), List.of("a"), List.of(), false),
        Arguments.of("replacement died: surge again", List.of(on("a", "n1", "RUNNING", true, "web", null),
            on("a2", "n2", "FAILED", false, "web", "a")), List.of("a"), List.of(), List.of("a"), false),
        Arguments.of("standalone task: kill", List.of(on("s", "n1", "RUNNING", true, null, null)),
            List.of(), List.of("s"), List.of(), false),
        Arguments.of("only terminal left: drained", List.of(on("a", "n1", "KILLED", false, "web", null),
            on("b", "n1", "KILLING", false, "web", null)), List.of(), List.of(), List.of(), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void drains(String name, List<TaskView> tasks, List<String> surge, List<String> kill, List<String> waiting,
      boolean drained) {
    DrainPlan p = DrainPlanner.plan("n1", tasks);

    assertThat(p.start()).extracting(DrainPlan.Surge::replaces).containsExactlyElementsOf(surge);
    assertThat(p.kill()).containsExactlyElementsOf(kill);
    assertThat(p.waiting()).containsExactlyElementsOf(waiting);
    assertThat(p.drained()).isEqualTo(drained);
  }
}
