package io.disponent.controllers.plan.placement;

import java.util.Optional;

/**
 * One filter of the placement chain. Pure: the same task, node and view give the same answer.
 * The reason is a short phrase counted across nodes ({@code insufficient memory}), so it must not carry
 * per-node detail.
 */
public interface FeasibilityChecker {
  /** Empty when {@code task} may go to {@code node}, else the reason it may not. */
  Optional<String> reject(TaskToPlace task, NodeView node, ClusterView view);
}
