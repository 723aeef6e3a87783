package io.disponent.controllers.plan.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.controllers.plan.Fixtures;
import io.disponent.crds.model.Condition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthVerdictTest {
  /** results: pass/fail letters at 10 s intervals from start (P or F); grace 25 s, 3 failures. */
  @ParameterizedTest(name = "{0} grace {1} max {2} -> {3}")
  @CsvSource(nullValues = "null", value = {
      "'', 25, 3, UNKNOWN",
      "P, 25, 3, HEALTHY",
      "FFF, 25, 3, UNKNOWN",
      "FFFFFF, 25, 3, UNHEALTHY",
      "FFFFF, 25, 3, UNKNOWN",
      "PFF, 25, 3, HEALTHY",
      "PFFF, 25, 3, UNHEALTHY",
      "PFFFP, 25, 3, HEALTHY",
      "FFF, 0, 3, UNHEALTHY",
      "FFFFFFFF, 0, 0, UNKNOWN",
      "PFFFFFFF, 0, 0, HEALTHY"})
  void verdict(String results, int grace, int max, HealthVerdict expected) {
    List<HealthCheckResult> r = new ArrayList<>();
    for (int i = 0; i < results.length(); i++) {
      r.add(new HealthCheckResult(Fixtures.T0.plusSeconds(10L * i), results.charAt(i) == 'P'));
    }

    assertThat(HealthVerdict.of(r, Fixtures.T0, grace, max)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} of {0} unhealthy -> kills allowed {2}")
  @CsvSource({"3, 0, true, False", "3, 1, true, False", "3, 2, false, True", "4, 2, true, False",
      "4, 3, false, True", "0, 0, true, False", "1, 1, false, True"})
  void killBudget(int instances, int unhealthy, boolean allowed, String conditionStatus) {
    KillBudget b = KillBudget.of(instances, unhealthy, 7, List.of(), Fixtures.T0);

    assertThat(b.killsAllowed()).isEqualTo(allowed);
    assertThat(b.condition().type()).isEqualTo("HealthKillsSuspended");
    assertThat(b.condition().status()).isEqualTo(conditionStatus);
    assertThat(b.condition().observedGeneration()).isEqualTo(7);
    assertThat(b.condition().message()).startsWith(unhealthy + " of " + instances + " instances unhealthy");
  }

  @org.junit.jupiter.api.Test
  void killBudgetKeepsTheTransitionTimeWhileTheStatusHolds() {
    Condition before = new Condition("HealthKillsSuspended", "True", 1L, "2025-12-31T00:00:00Z", "x", "y");

    KillBudget b = KillBudget.of(3, 2, 2, List.of(before), Fixtures.T0);

    assertThat(b.condition().lastTransitionTime()).isEqualTo("2025-12-31T00:00:00Z");
  }
}
