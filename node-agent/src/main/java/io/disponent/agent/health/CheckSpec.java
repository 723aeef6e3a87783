package io.disponent.agent.health;

import io.disponent.crds.model.HealthCheck;
import io.disponent.crds.model.ReadinessCheck;
import java.time.Duration;
import java.util.List;

/**
 * One health or readiness check with the CRD's defaults filled in.
 *
 * @param index the check's position in the spec's {@code healthChecks} or {@code readinessChecks}
 * @param readyCodes for readiness HTTP checks: the status codes that mean ready (liveness HTTP
 *     checks pass on 200 to 399)
 */
public record CheckSpec(
    Kind kind,
    int index,
    String type,
    String portName,
    String path,
    List<String> command,
    Duration gracePeriod,
    Duration interval,
    Duration timeout,
    int maxConsecutiveFailures,
    List<Integer> readyCodes) {

  public enum Kind { LIVENESS, READINESS }

  public static CheckSpec of(int index, HealthCheck c) {
    return new CheckSpec(Kind.LIVENESS, index, c.type(), c.portName(), c.path(), c.command(),
        Duration.ofSeconds(or(c.gracePeriodSeconds(), 300)), Duration.ofSeconds(or(c.intervalSeconds(), 60)),
        Duration.ofSeconds(or(c.timeoutSeconds(), 20)), or(c.maxConsecutiveFailures(), 3), List.of());
  }

  public static CheckSpec of(int index, ReadinessCheck c) {
    return new CheckSpec(Kind.READINESS, index, c.type(), c.portName(), c.path(), c.command(), Duration.ZERO,
        Duration.ofSeconds(or(c.intervalSeconds(), 30)), Duration.ofSeconds(or(c.timeoutSeconds(), 10)), 0,
        c.httpStatusCodesForReady() == null ? List.of(200) : List.copyOf(c.httpStatusCodesForReady()));
  }

  private static int or(Integer v, int fallback) {
    return v == null ? fallback : v;
  }
}
