package io.disponent.controllers.plan.node;

import io.disponent.crds.model.Condition;
import java.time.Instant;
import java.util.List;

/**
 * What the node lifecycle controller writes: the Node's Ready condition, and the Tasks on it to mark
 * UNREACHABLE together with {@code reachable} ({@code Reachable=False}, since now) as a Task condition.
 * {@code graceEnds} is set while the controller's start-up grace holds the verdict back: the Ready condition
 * then stays as it is, no Task turns UNREACHABLE, and the node is judged again at that instant.
 */
public record NodePlan(NodeReadiness readiness, List<String> turnUnreachable, Condition reachable, Instant graceEnds) {
  public NodePlan {
    turnUnreachable = List.copyOf(turnUnreachable);
  }

  public boolean inGrace() {
    return graceEnds != null;
  }
}
