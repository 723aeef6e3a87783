package io.disponent.controllers.plan.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.controllers.plan.Fixtures;
import io.disponent.controllers.plan.KillSelection;
import io.disponent.controllers.plan.TaskView;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.model.TaskTemplate;
import io.disponent.crds.model.UpgradeStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpgradePlannerTest {
  /** Letters: H running healthy and ready, N running healthy not ready, U running Unhealthy, S staging. */
  static List<TaskView> tasks(String prefix, String rev, String letters) {
    List<TaskView> out = new ArrayList<>();
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      String state = c == 'S' ? "STAGING" : "RUNNING";
      String health = c == 'U' ? "Unhealthy" : c == 'S' ? "Unknown" : "Healthy";
      out.add(Fixtures.task(prefix + i, rev, state, health, c == 'H', i));
    }
    return out;
  }

  @ParameterizedTest(name = "n={0} min={1} over={2} old={3} new={4} -> start {5}, kill {6}")
  @CsvSource({
      "3, 1.0, 1.0, HHH, '', 3, '', false",
      "3, 1.0, 1.0, HHH, HSS, 0, o2, false",
      "3, 1.0, 1.0, HH, HHS, 0, o1, false",
      "3, 0.5, 0.0, HHH, '', 1, o2, false",
      "3, 1.0, 0.0, HHH, '', 0, o2, false",
      "3, 0.0, 0.0, HHH, '', 3, 'o2,o1,o0', false",
      "3, 1.0, 1.0, SHH, '', 3, o0, false",
      "3, 1.0, 1.0, UHH, '', 3, o0, false",
      "2, 1.0, 0.5, HH, N, 0, '', false",
      "2, 1.0, 0.5, HH, H, 1, o1, false",
      "3, 1.0, 1.0, '', HHH, 0, '', true"})
  void step(int n, double min, double over, String old, String fresh, int start, String kill, boolean done) {
    UpgradeStep s = UpgradePlanner.step(n, new UpgradeStrategy(min, over), tasks("o", "old", old),
        tasks("n", "new", fresh), KillSelection.YOUNGEST_FIRST);

    assertThat(s.start()).isEqualTo(start);
    assertThat(String.join(",", s.kill())).isEqualTo(kill);
    assertThat(s.done()).isEqualTo(done);
    assertThat(s.reason()).isEqualTo(done ? "NewRevisionAvailable" : "RollingUpdate");
  }

  static TaskTemplate template(String command) {
    return new TaskTemplate(null, new TaskSpec(List.of(command), null, null, null, null, null, null, null, null, null,
        null, null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'a', '1'",
      "'a,a', '1'",
      "'a,b,c', '1,2,3'",
      "'a,b,a', '2,3'",
      "'a,b,c,d,e', '3,4,5'"})
  void history(String commands, String kept) {
    RevisionHistory h = new RevisionHistory(List.of(), 3);
    long gen = 1;
    for (String c : commands.split(",")) {
      h = h.record(template(c), gen++);
    }

    assertThat(h.numbers().stream().map(String::valueOf).toList()).isEqualTo(List.of(kept.split(",")));
  }

  @Test
  void rollbackReturnsTheTemplateOrSaysWhatIsKept() {
    RevisionHistory h = RevisionHistory.empty().record(template("a"), 1).record(template("b"), 2);

    assertThat(UpgradePlanner.rollback(h, 1)).isEqualTo(template("a"));
    assertThat(h.record(UpgradePlanner.rollback(h, 1), 3).current().get().revision()).isEqualTo(3);
    assertThatThrownBy(() -> UpgradePlanner.rollback(h, 7)).hasMessage("upgrade: no revision 7 in the history (kept: [1, 2])");
  }
}
