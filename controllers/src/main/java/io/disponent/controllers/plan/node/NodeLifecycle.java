package io.disponent.controllers.plan.node;

import io.disponent.controllers.plan.TaskView;
import io.disponent.crds.model.Condition;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Labels;
import io.disponent.crds.vocab.TaskStates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lost-node detection from the agent's Lease. Ready is True while {@code now - renewTime} is at most the lease
 * duration (default {@value #DEFAULT_LEASE_SECONDS} s), False ({@code LeaseExpired}) after, and Unknown
 * ({@code NeverRenewed}) when the agent never renewed. When not Ready, every Task bound to the node that is
 * neither terminal nor already UNREACHABLE turns UNREACHABLE. Coming back is the agent's to report: it
 * re-reports its Tasks' states.
 *
 * <p>Start-up grace, as Kubernetes' node lifecycle controller after a restart: a controller that has watched a
 * node only since {@code watchingSince} (it started, or won the leadership) treats the node's lease as renewed
 * at that instant, so an outage of the control plane itself never turns a node NotReady. Until
 * {@value #STARTUP_GRACE_LEASES} lease durations have passed since then, a lease that looks expired gives no
 * verdict: the Ready condition stays {@code current} and no Task turns UNREACHABLE. One lease is not enough: an
 * agent that saw the control plane gone retries with backoff behind an open circuit breaker, and its first
 * renewal can land most of a lease after the API serves again (Kubernetes likewise keeps its node-monitor grace
 * several renewal intervals long).
 */
public final class NodeLifecycle {
  public static final int DEFAULT_LEASE_SECONDS = 15;
  public static final int STARTUP_GRACE_LEASES = 2;

  private NodeLifecycle() {}

  public static NodeReadiness readiness(Instant renewTime, Integer leaseDurationSeconds, Instant now) {
    if (renewTime == null) {
      return new NodeReadiness("Unknown", "NeverRenewed", "the agent has not renewed its lease yet");
    }
    int lease = lease(leaseDurationSeconds);
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
    return plan(node, renewTime, leaseDurationSeconds, tasks, now, null, null);
  }

  /**
   * As above, by a controller watching the node since {@code watchingSince} (null: no grace) whose Ready
   * condition is now {@code current} (null when absent).
   */
  public static NodePlan plan(String node, Instant renewTime, Integer leaseDurationSeconds, List<TaskView> tasks,
      Instant now, Instant watchingSince, String current) {
    NodeReadiness r = readiness(renewTime, leaseDurationSeconds, now);
    Instant graceEnds = watchingSince == null ? null : watchingSince.plusSeconds((long) STARTUP_GRACE_LEASES * lease(leaseDurationSeconds));
    if (!r.ready() && graceEnds != null && !now.isAfter(graceEnds)) {
      NodeReadiness held = new NodeReadiness(current == null ? "Unknown" : current, "StartupGrace",
          "the node controller started watching " + seconds(Duration.between(watchingSince, now))
              + " ago; waiting " + STARTUP_GRACE_LEASES + " leases for a renewal");
      return new NodePlan(held, List.of(), reachable(node, r, now), graceEnds);
    }
    List<String> lost = r.ready() ? List.of() : tasks.stream()
        .filter(t -> node.equals(t.node()))
        .filter(t -> !TaskStates.terminal(t.state()) && !TaskStates.UNREACHABLE.equals(t.state()))
        .map(TaskView::name).sorted().toList();
    return new NodePlan(r, lost, reachable(node, r, now), null);
  }

  private static Condition reachable(String node, NodeReadiness r, Instant now) {
    return new Condition(ConditionTypes.REACHABLE, "False", null, now.toString(), "NodeLost",
        "node " + node + ": " + r.message());
  }

  private static int lease(Integer leaseDurationSeconds) {
    return leaseDurationSeconds == null ? DEFAULT_LEASE_SECONDS : leaseDurationSeconds;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
