package io.disponent.controllers.plan.placement;

/**
 * Least-allocated first: 1 minus the mean of the cpu and memory fractions the node would have in use
 * after the task is placed. Spreads load; Placement breaks ties by node name.
 */
public final class SpreadRanker implements Ranker {
  @Override
  public double score(TaskToPlace task, NodeView node, ClusterView view) {
    ClusterView.Usage u = view.usage(node.name());
    double cpu = fraction(u.cpuMillis() + task.cpuMillis(), node.cpuMillis());
    double mem = fraction(u.memoryBytes() + task.memoryBytes(), node.memoryBytes());
    return 1.0 - (cpu + mem) / 2.0;
  }

  private static double fraction(long used, long total) {
    return total <= 0 ? 1.0 : (double) used / total;
  }
}
