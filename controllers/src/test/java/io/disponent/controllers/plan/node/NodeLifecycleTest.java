package io.disponent.controllers.plan.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.controllers.plan.Fixtures;
import io.disponent.controllers.plan.TaskView;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeLifecycleTest {
  @ParameterizedTest(name = "renewed {0}s ago, lease {1} -> {2} {3}")
  @CsvSource(nullValues = "null", value = {
      "0, null, True, LeaseRenewed, ''",
      "15, null, True, LeaseRenewed, ''",
      "16, null, False, LeaseExpired, 'b,c'",
      "16, 30, True, LeaseRenewed, ''",
      "null, null, Unknown, NeverRenewed, 'b,c'"})
  void readinessAndUnreachableTasks(Integer agoSeconds, Integer lease, String status, String reason, String lost) {
    List<TaskView> tasks = List.of(
        Fixtures.task("c", "r1", "RUNNING", null, true, 0),
        Fixtures.task("b", "r1", "STAGING", null, false, 0),
        Fixtures.task("a", "r1", "FINISHED", null, false, 0),
        Fixtures.task("d", "r1", "UNREACHABLE", null, false, 0),
        new TaskView("e", "RUNNING", null, false, true, Fixtures.T0, Fixtures.T0, null, "other", "r1", null, false, 0,
            null, "web", null));

    NodePlan p = NodeLifecycle.plan("n1", agoSeconds == null ? null : Fixtures.T0.minusSeconds(agoSeconds), lease,
        tasks, Fixtures.T0);

    assertThat(p.readiness().status()).isEqualTo(status);
    assertThat(p.readiness().reason()).isEqualTo(reason);
    assertThat(String.join(",", p.turnUnreachable())).isEqualTo(lost);
    assertThat(p.reachable().type()).isEqualTo("Reachable");
    assertThat(p.reachable().lastTransitionTime()).isEqualTo(Fixtures.T0.toString());
  }
}
