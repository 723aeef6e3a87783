package io.disponent.controllers.plan.placement;

/** Scores a feasible node for a task; higher is better. Scores of a chain add up. */
public interface Ranker {
  double score(TaskToPlace task, NodeView node, ClusterView view);
}
