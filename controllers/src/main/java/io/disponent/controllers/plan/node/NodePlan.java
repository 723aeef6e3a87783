package io.disponent.controllers.plan.node;

import io.disponent.crds.model.Condition;
import java.util.List;

/**
 * What the node lifecycle controller writes: the Node's Ready condition, and the Tasks on it to mark
 * UNREACHABLE together with {@code reachable} ({@code Reachable=False}, since now) as a Task condition.
 */
public record NodePlan(NodeReadiness readiness, List<String> turnUnreachable, Condition reachable) {
  public NodePlan {
    turnUnreachable = List.copyOf(turnUnreachable);
  }
}
