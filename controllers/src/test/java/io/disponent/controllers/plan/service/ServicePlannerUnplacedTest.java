package io.disponent.controllers.plan.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Labels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A Service whose instances the scheduler cannot place says so, with the placement message, in Stalled. */
class ServicePlannerUnplacedTest {
  private static final String NO_FIT = "0/1 nodes fit: 1 constraint hostname:UNIQUE";

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("unbound, not judged yet", List.of(bound("a"), unbound("b", null, "STAGING")),
            "False/Launching: instances launch"),
        Arguments.of("two cannot be placed", List.of(bound("a"), unbound("b", NO_FIT, "STAGING"),
                unbound("c", NO_FIT, null)),
            "True/Unschedulable: 2 of 3 instances cannot be placed: " + NO_FIT),
        Arguments.of("placed since: the old Scheduled=False no longer counts",
            List.of(bound("a"), bound("b"), withScheduled(bound("c"), NO_FIT)), "False/Launching: instances launch"),
        Arguments.of("killed ones do not count", List.of(bound("a"), bound("b"), bound("c"),
            unbound("d", NO_FIT, "KILLED")), "False/Launching: instances launch"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void stalled(String name, List<Task> tasks, String expected) {
    ServicePlan p = ServicePlanner.plan(ServicePlannerTest.service(3, null), tasks, Map.of("n1", true),
        ServicePlannerTest.NOW);

    Condition stalled = p.status().conditions().stream().filter(c -> c.type().equals(ConditionTypes.STALLED))
        .findFirst().orElseThrow();
    assertThat(stalled.status() + "/" + stalled.reason() + ": " + stalled.message()).isEqualTo(expected);
  }

  private static Task bound(String name) {
    return ServicePlannerTest.running(name, 30);
  }

  /** A Task of the Service without a node; {@code scheduled}: the message of its Scheduled=False, or none. */
  private static Task unbound(String name, String scheduled, String state) {
    List<Condition> conditions = scheduled == null ? List.of() : List.of(notScheduled(scheduled));
    return new Task("disponent.io/v1", "Task", new ObjectMetaBuilder().withName(name)
        .withCreationTimestamp(ServicePlannerTest.NOW.minusSeconds(5).toString())
        .withLabels(Map.of(Labels.REVISION, ServicePlannerTest.REV, Labels.SERVICE, "web")).build(),
        new TaskSpec(null, null, null, null, null, null, null, null, null, null, null, null),
        new TaskStatus(null, state, null, null, null, null, null, null, null, null, null, null, null, conditions));
  }

  private static Task withScheduled(Task t, String message) {
    TaskStatus s = t.status();
    return new Task(t.apiVersion(), t.kind(), t.metadata(), t.spec(), new TaskStatus(s.observedGeneration(), s.state(),
        s.health(), s.ready(), s.ports(), s.pid(), s.exitCode(), s.signal(), s.reason(), s.message(), s.startedAt(),
        s.finishedAt(), s.restarts(), List.of(notScheduled(message))));
  }

  private static Condition notScheduled(String message) {
    return new Condition(ConditionTypes.SCHEDULED, "False", null, ServicePlannerTest.NOW.toString(), "Unschedulable",
        message);
  }
}
