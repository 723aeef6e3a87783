package io.disponent.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.agent.health.Verdict.Health;
import io.disponent.crds.model.HealthCheck;
import io.disponent.crds.model.ReadinessCheck;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Probe series at given seconds after the task started (a fake clock), and the health after each. */
class VerdictTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final CheckSpec LIVE = CheckSpec.of(0, new HealthCheck("TCP", "p", null, null, 10, 2, 1, 3));
  private static final CheckSpec LIVE_NO_KILL = CheckSpec.of(0, new HealthCheck("TCP", "p", null, null, 0, 2, 1, 0));
  private static final CheckSpec READY = CheckSpec.of(0, new ReadinessCheck("HTTP", "p", "/", null, 2, 1, null));

  record Step(int atSecond, boolean ok, Health expected, int failures) {}

  static Step pass(int at, Health h) {
    return new Step(at, true, h, 0);
  }

  static Step fail(int at, Health h, int failures) {
    return new Step(at, false, h, failures);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("passes make it healthy", LIVE, List.of(pass(0, Health.HEALTHY), pass(2, Health.HEALTHY))),
        Arguments.of("failures in the grace period are not counted", LIVE,
            List.of(fail(0, Health.UNKNOWN, 0), fail(2, Health.UNKNOWN, 0), fail(8, Health.UNKNOWN, 0), pass(9, Health.HEALTHY))),
        Arguments.of("after the grace period failures count", LIVE,
            List.of(fail(10, Health.UNKNOWN, 1), fail(12, Health.UNKNOWN, 2), fail(14, Health.UNHEALTHY, 3))),
        Arguments.of("once healthy the grace period is over", LIVE,
            List.of(pass(0, Health.HEALTHY), fail(2, Health.HEALTHY, 1), fail(4, Health.HEALTHY, 2), fail(6, Health.UNHEALTHY, 3))),
        Arguments.of("a pass resets the count", LIVE,
            List.of(pass(0, Health.HEALTHY), fail(2, Health.HEALTHY, 1), fail(4, Health.HEALTHY, 2), pass(6, Health.HEALTHY),
                fail(8, Health.HEALTHY, 1))),
        Arguments.of("unhealthy recovers with one pass", LIVE,
            List.of(fail(10, Health.UNKNOWN, 1), fail(11, Health.UNKNOWN, 2), fail(12, Health.UNHEALTHY, 3),
                fail(13, Health.UNHEALTHY, 4), pass(14, Health.HEALTHY))),
        Arguments.of("maxConsecutiveFailures 0: unhealthy at the first counted failure", LIVE_NO_KILL,
            List.of(pass(0, Health.HEALTHY), fail(2, Health.UNHEALTHY, 1))),
        Arguments.of("readiness follows the last probe, no grace", READY,
            List.of(fail(0, Health.UNHEALTHY, 1), pass(2, Health.HEALTHY), fail(4, Health.UNHEALTHY, 1))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdicts(String name, CheckSpec check, List<Step> steps) {
    Verdict v = Verdict.initial();
    assertThat(v.health()).isEqualTo(Health.UNKNOWN);
    for (Step s : steps) {
      v = v.next(new ProbeResult(s.ok(), "probe"), check, START, START.plusSeconds(s.atSecond()));
      assertThat(v.health()).as("health at %ss", s.atSecond()).isEqualTo(s.expected());
      assertThat(v.consecutiveFailures()).as("failures at %ss", s.atSecond()).isEqualTo(s.failures());
    }
  }

  @org.junit.jupiter.api.Test
  void defaultsComeFromTheCrd() {
    CheckSpec c = CheckSpec.of(0, new HealthCheck("HTTP", "p", null, null, null, null, null, null));
    assertThat(c.gracePeriod().toSeconds()).isEqualTo(300);
    assertThat(c.interval().toSeconds()).isEqualTo(60);
    assertThat(c.timeout().toSeconds()).isEqualTo(20);
    assertThat(c.maxConsecutiveFailures()).isEqualTo(3);
    CheckSpec r = CheckSpec.of(0, new ReadinessCheck("HTTP", "p", null, null, null, null, null));
    assertThat(r.interval().toSeconds()).isEqualTo(30);
    assertThat(r.timeout().toSeconds()).isEqualTo(10);
    assertThat(r.readyCodes()).containsExactly(200);
  }
}
