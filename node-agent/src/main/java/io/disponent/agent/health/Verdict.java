package io.disponent.agent.health;

import java.time.Instant;

/**
 * The state of one check after a series of probes; {@link #next} is the pure rule.
 *
 * <p>Liveness (Marathon's semantics): a pass makes the task HEALTHY and resets the count;
 * failures before the first pass and within {@code gracePeriod} after the task started are not
 * counted; a counted failure makes it UNHEALTHY once {@code maxConsecutiveFailures} failures are
 * in a row (0: at the first counted failure; the controller then never kills), and until then
 * keeps the previous health. Readiness: ready exactly when the last probe passed.
 */
public record Verdict(Health health, int consecutiveFailures, boolean everPassed, String message) {

  public enum Health { UNKNOWN, HEALTHY, UNHEALTHY }

  public static Verdict initial() {
    return new Verdict(Health.UNKNOWN, 0, false, "not checked yet");
  }

  public Verdict next(ProbeResult r, CheckSpec check, Instant taskStarted, Instant now) {
    if (r.ok()) {
      return new Verdict(Health.HEALTHY, 0, true, r.message());
    }
    if (check.kind() == CheckSpec.Kind.READINESS) {
      return new Verdict(Health.UNHEALTHY, consecutiveFailures + 1, everPassed, r.message());
    }
    if (!everPassed && now.isBefore(taskStarted.plus(check.gracePeriod()))) {
      return new Verdict(health, 0, false, r.message() + " (in the grace period, not counted)");
    }
    int failures = consecutiveFailures + 1;
    boolean over = failures >= Math.max(1, check.maxConsecutiveFailures());
    return new Verdict(over ? Health.UNHEALTHY : health, failures, everPassed,
        r.message() + " (" + failures + " in a row)");
  }
}
