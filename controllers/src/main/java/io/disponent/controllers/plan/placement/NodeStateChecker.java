package io.disponent.controllers.plan.placement;

import java.util.Optional;

/** Rejects nodes that are not Ready ({@code node not ready}) or cordoned ({@code node unschedulable}). */
public final class NodeStateChecker implements FeasibilityChecker {
  @Override
  public Optional<String> reject(TaskToPlace task, NodeView node, ClusterView view) {
    if (!node.ready()) {
      return Optional.of("node not ready");
    }
    if (node.unschedulable()) {
      return Optional.of("node unschedulable");
    }
    return Optional.empty();
  }
}
