package io.disponent.agent.tasks;

import io.disponent.agent.health.Verdict;
import java.util.Collections;
import java.util.List;

/**
 * A task's check verdicts as the status wants them: liveness and readiness apart. Pure.
 *
 * @param liveness one per health check; all {@link Verdict#initial()} until the checker has them
 * @param readiness one per readiness check; empty until the checker has them
 */
record HealthVerdicts(List<Verdict> liveness, List<Verdict> readiness) {
  static final HealthVerdicts NONE = new HealthVerdicts(List.of(), List.of());

  /** From the checker's verdicts (liveness first; empty when it does not watch the task) and the number of health checks. */
  static HealthVerdicts split(List<Verdict> verdicts, int healthChecks) {
    boolean complete = verdicts.size() >= healthChecks;
    List<Verdict> live = complete ? verdicts.subList(0, healthChecks) : List.of();
    List<Verdict> ready = complete ? verdicts.subList(healthChecks, verdicts.size()) : List.of();
    if (healthChecks > 0 && live.isEmpty()) {
      live = Collections.nCopies(healthChecks, Verdict.initial());
    }
    return new HealthVerdicts(live, ready);
  }
}
