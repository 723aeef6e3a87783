package io.disponent.controllers.plan.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.controllers.plan.Fixtures;
import io.disponent.controllers.plan.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start-up grace: a node controller that starts at T0 waits two leases before any NotReady. */
class NodeLifecycleGraceTest {
  private static final List<TaskView> TASKS = List.of(
      Fixtures.task("b", "r1", "STAGING", null, false, 0),
      Fixtures.task("c", "r1", "RUNNING", null, true, 0));

  @ParameterizedTest(name = "renewed at T0{0}s, lease {1}, Ready {2}, judged at T0+{3}s -> {4} {5}")
  @CsvSource(nullValues = "null", value = {
      // the control plane was down 20 s: the lease looks expired, but the controller only just started
      "-20, 15, True, 0, True, StartupGrace, '', true",
      "-20, 15, True, 30, True, StartupGrace, '', true",
      // still no renewal two leases after the start: NotReady, tasks lost
      "-20, 15, True, 31, False, LeaseExpired, 'b,c', false",
      // the agent renewed after the restart: Ready, judged by its own renewal
      "5, 15, True, 16, True, LeaseRenewed, '', false",
      // an agent whose first renewal after the outage came late, past one lease: still no flap
      "6, 4, True, 7, True, LeaseRenewed, '', false",
      // a node that was already NotReady stays so during the grace (no flap to Ready either)
      "-600, 15, False, 3, False, StartupGrace, '', true",
      "-600, 4, False, 9, False, LeaseExpired, 'b,c', false",
      // a node never renewed, seen for the first time at the start: no verdict within the grace
      "null, null, null, 10, Unknown, StartupGrace, '', true",
      "null, null, null, 31, Unknown, NeverRenewed, 'b,c', false",
      // the lease duration is the node's own
      "-20, 4, True, 8, True, StartupGrace, '', true",
      "-20, 4, True, 9, False, LeaseExpired, 'b,c', false"})
  void waitsTwoLeasesAfterTheStart(Integer renewedAt, Integer lease, String current, int judgedAt, String status,
      String reason, String lost, boolean inGrace) {
    Clock started = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);
    Instant watchingSince = started.instant();
    Clock later = Clock.offset(started, Duration.ofSeconds(judgedAt));
    Instant renew = renewedAt == null ? null : Fixtures.T0.plusSeconds(renewedAt);

    NodePlan p = NodeLifecycle.plan("n1", renew, lease, TASKS, later.instant(), watchingSince, current);

    assertThat(p.readiness().status()).isEqualTo(status);
    assertThat(p.readiness().reason()).isEqualTo(reason);
    assertThat(String.join(",", p.turnUnreachable())).isEqualTo(lost);
    assertThat(p.inGrace()).isEqualTo(inGrace);
    if (inGrace) {
      assertThat(p.graceEnds()).isEqualTo(watchingSince.plusSeconds(NodeLifecycle.STARTUP_GRACE_LEASES * (lease == null ? 15 : lease)));
    }
  }
}
