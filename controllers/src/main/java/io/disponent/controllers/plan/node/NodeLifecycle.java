package io.disponent.controllers.plan.node;

import io.disponent.crds.vocab.ConditionTypes;

import io.disponent.crds.vocab.Labels;
import io.disponent.crds.vocab.TaskStates;
import io.disponent.controllers.plan.TaskView;
import io.disponent.crds.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lost-node detection from the agent's Lease. Ready is True while {@code now - renewTime} is at most the lease
 * duration (default {@value #DEFAULT_LEASE_SECONDS} s), False ({@code LeaseExpired}) after, and Unknown
 * ({@code NeverRenewed}) when the agent never renewed. When not Ready, every Task bound to the node that is
 * neither terminal nor already UNREACHABLE turns UNREACHABLE. Coming back is the agent's to report: it
 * re-reports its Tasks' states.
 */
public final class NodeLifecycle {
  public static final int DEFAULT_LEASE_SECONDS = 15;

  private NodeLifecycle() {}

  public static NodeReadiness readiness(Instant renewTime, Integer leaseDurationSeconds, Instant now) {
    if (renewTime == null) {
      return new NodeReadiness("Unknown", "NeverRenewed", "the agent has not renewed its lease yet");
    }
    int lease = leaseDurationSeconds == null ? DEFAULT_LEASE_SECONDS : leaseDurationSeconds;
    Duration silent = Duration.between(renewTime, now);
    if (silent.compareTo(Duration.ofSeconds(lease)) <= 0) {
      return new NodeReadiness("True", "LeaseRenewed", "the agent renewed its lease " + seconds(silent) + " ago");
    }
    return new NodeReadiness("False", "LeaseExpired",
        "no lease renewal for " + seconds(silent) + " (lease " + lease + "s)");
  }

  /** The readiness of {@code node} and which of {@code tasks} (those bound to it count) turn UNREACHABLE. */
  public static NodePlan plan(String node, Instant renewTime, Integer leaseDurationSeconds, List<TaskView> tasks,
      Instant now) {
    NodeReadiness r = readiness(renewTime, leaseDurationSeconds, now);
    List<String> lost = r.ready() ? List.of() : tasks.stream()
        .filter(t -> node.equals(t.node()))
        .filter(t -> !TaskStates.terminal(t.state()) && !TaskStates.UNREACHABLE.equals(t.state()))
        .map(TaskView::name).sorted().toList();
    Condition reachable = new Condition(ConditionTypes.REACHABLE, "False", null, now.toString(), "NodeLost",
        "node " + node + ": " + r.message());
    return new NodePlan(r, lost, reachable);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
