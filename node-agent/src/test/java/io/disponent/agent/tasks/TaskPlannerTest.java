package io.disponent.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.agent.tasks.TaskPlanner.ApiTask;
import io.disponent.agent.tasks.TaskPlanner.LocalTask;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskPlannerTest {

  static Stream<Arguments> cases() {
    ApiTask fresh = new ApiTask("u", null, false, false);
    return Stream.of(
        Arguments.of("new bound task is launched", List.of(fresh), true, Map.of(), Set.of(), List.of(new TaskAction.Launch("u"))),
        Arguments.of("STARTING without sandbox (crash before launch) is launched", List.of(new ApiTask("u", "STARTING", false, true)), true, Map.of(), Set.of(), List.of(new TaskAction.Launch("u"))),
        Arguments.of("terminal task is never relaunched", List.of(new ApiTask("u", "FAILED", false, true)), true, Map.of(), Set.of(), List.of()),
        Arguments.of("RUNNING without sandbox is lost", List.of(new ApiTask("u", "RUNNING", false, true)), true, Map.of(), Set.of(), List.of(new TaskAction.MarkLost("u"))),
        Arguments.of("local task is reported", List.of(new ApiTask("u", "RUNNING", false, true)), true, Map.of("u", new LocalTask("u", false)), Set.of(), List.of(new TaskAction.Report("u"))),
        Arguments.of("adopted task marked UNREACHABLE is reported again", List.of(new ApiTask("u", "UNREACHABLE", false, true)), true, Map.of("u", new LocalTask("u", false)), Set.of(), List.of(new TaskAction.Report("u"))),
        Arguments.of("deleted running task is killed", List.of(new ApiTask("u", "RUNNING", true, true)), true, Map.of("u", new LocalTask("u", false)), Set.of(), List.of(new TaskAction.Kill("u", true))),
        Arguments.of("deleted ended task is released", List.of(new ApiTask("u", "FINISHED", true, true)), true, Map.of("u", new LocalTask("u", true)), Set.of(), List.of(new TaskAction.Release("u"))),
        Arguments.of("deleted task with our finalizer but no sandbox is released", List.of(new ApiTask("u", "RUNNING", true, true)), true, Map.of(), Set.of(), List.of(new TaskAction.Release("u"))),
        Arguments.of("deleted task without our finalizer and no sandbox is none of ours", List.of(new ApiTask("u", null, true, false)), true, Map.of(), Set.of(), List.of()),
        Arguments.of("running process whose Task is gone is killed", List.of(), true, Map.of("o", new LocalTask("o", false)), Set.of(), List.of(new TaskAction.Kill("o", false))),
        Arguments.of("ended process whose Task is gone is forgotten", List.of(), true, Map.of("o", new LocalTask("o", true)), Set.of(), List.of(new TaskAction.Forget("o"))),
        Arguments.of("before the first list nothing is killed for being absent", List.of(), false, Map.of("o", new LocalTask("o", false)), Set.of(), List.of()),
        Arguments.of("busy tasks are left alone", List.of(fresh, new ApiTask("v", "RUNNING", true, true)), true, Map.of("v", new LocalTask("v", false), "o", new LocalTask("o", false)), Set.of("u", "v", "o"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plans(String name, List<ApiTask> api, boolean synced, Map<String, LocalTask> local, Set<String> busy,
      List<TaskAction> expected) {
    assertThat(TaskPlanner.plan(api, synced, local, busy)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
