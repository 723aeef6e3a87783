package io.disponent.controllers.plan.placement;

import java.util.Optional;

/** Rejects a node where a fixed host port is held or the range has too few free ports. */
public final class HostPortChecker implements FeasibilityChecker {
  @Override
  public Optional<String> reject(TaskToPlace task, NodeView node, ClusterView view) {
    if (task.ports().isEmpty()) {
      return Optional.empty();
    }
    return PortAssigner.assign(task.ports(), node, view.usage(node.name()).hostPorts()).rejection();
  }
}
