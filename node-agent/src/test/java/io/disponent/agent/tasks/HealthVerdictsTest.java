package io.disponent.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.agent.health.Verdict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthVerdictsTest {
  static final Verdict OK = new Verdict(Verdict.Health.HEALTHY, 0, true, "ok");
  static final Verdict BAD = new Verdict(Verdict.Health.UNHEALTHY, 3, true, "bad");
  static final Verdict INITIAL = Verdict.initial();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no checks", List.of(), 0, List.of(), List.of()),
        Arguments.of("not watched yet: liveness initial", List.of(), 2, List.of(INITIAL, INITIAL), List.of()),
        Arguments.of("liveness then readiness", List.of(OK, BAD, OK), 2, List.of(OK, BAD), List.of(OK)),
        Arguments.of("readiness only", List.of(BAD), 0, List.of(), List.of(BAD)),
        Arguments.of("fewer verdicts than health checks: initial", List.of(OK), 2, List.of(INITIAL, INITIAL), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void split(String name, List<Verdict> verdicts, int healthChecks, List<Verdict> liveness, List<Verdict> readiness) {
    HealthVerdicts v = HealthVerdicts.split(verdicts, healthChecks);
    assertThat(v.liveness()).isEqualTo(liveness);
    assertThat(v.readiness()).isEqualTo(readiness);
  }
}
