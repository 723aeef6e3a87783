package io.disponent.controllers.plan.health;

import io.disponent.controllers.plan.Conditions;
import io.disponent.crds.model.Condition;
import java.time.Instant;
import java.util.List;

/**
 * Whether health kills may go ahead: when MORE than half of a Service's {@code instances} are Unhealthy at
 * once the cause is likely shared (a dependency down, a bad check), so killing would only add churn; kills
 * for health stop and the Service carries {@code HealthKillsSuspended=True} until it is half healthy again.
 *
 * @param condition the {@value #CONDITION} condition to write (False when kills are allowed)
 */
public record KillBudget(boolean killsAllowed, Condition condition) {
  public static final String CONDITION = "HealthKillsSuspended";

  public static KillBudget of(int instances, int unhealthy, long generation, List<Condition> previous, Instant now) {
    boolean suspended = instances > 0 && unhealthy * 2 > instances;
    String message = unhealthy + " of " + instances + " instances unhealthy"
        + (suspended ? "; more than half, so none is killed for health" : "");
    return new KillBudget(!suspended, Conditions.of(previous, CONDITION, suspended ? "True" : "False",
        suspended ? "MoreThanHalfUnhealthy" : "WithinBudget", message, generation, now));
  }
}
