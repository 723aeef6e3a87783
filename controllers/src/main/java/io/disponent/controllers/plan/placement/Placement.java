package io.disponent.controllers.plan.placement;

import io.disponent.crds.model.PortStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's planner: for each task, runs every node through the feasibility chain (the first
 * checker that rejects a node counts it under its reason), scores the feasible nodes with the rankers,
 * and picks the best (ties by node name). Tasks are placed in the order given, each against the view
 * that includes the previous placements, so a batch never overcommits a node. Pure and deterministic.
 */
public final class Placement {
  private final List<FeasibilityChecker> checkers;
  private final List<Ranker> rankers;

  public Placement(List<FeasibilityChecker> checkers, List<Ranker> rankers) {
    this.checkers = List.copyOf(checkers);
    this.rankers = List.copyOf(rankers);
  }

  /** Node state, cpus, memory, disk, host ports, constraints; spread. */
  public static Placement standard() {
    return new Placement(
        List.of(new NodeStateChecker(), ResourceChecker.CPUS, ResourceChecker.MEMORY, ResourceChecker.DISK,
            new HostPortChecker(), new ConstraintChecker()),
        List.of(new SpreadRanker()));
  }

  /** Places {@code tasks} in order on {@code nodes}. */
  public PlacementPlan place(List<TaskToPlace> tasks, ClusterView nodes) {
    ClusterView view = nodes.copy();
    List<PlacementResult> results = new ArrayList<>();
    for (TaskToPlace task : tasks) {
      PlacementResult r = placeOne(task, view);
      if (r instanceof PlacementResult.Placed) {
        PlacementResult.Placed p = (PlacementResult.Placed) r;
        view.add(new PlacedTask(task.name(), task.owner(), p.node(), task.cpuMillis(),
            task.memoryBytes(), task.diskBytes(),
            p.ports().stream().map(PortStatus::hostPort).collect(java.util.stream.Collectors.toSet())));
      }
      results.add(r);
    }
    return new PlacementPlan(results, view);
  }

  private PlacementResult placeOne(TaskToPlace task, ClusterView view) {
    Map<String, Integer> reasons = new LinkedHashMap<>();
    NodeView best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (NodeView node : view.nodes()) {
      Optional<String> rejection = firstRejection(task, node, view);
      if (rejection.isPresent()) {
        reasons.merge(rejection.get(), 1, Integer::sum);
        continue;
      }
      double score = 0;
      for (Ranker r : rankers) {
        score += r.score(task, node, view);
      }
      if (score > bestScore) { // nodes come sorted by name, so the first of equal scores wins
        best = node;
        bestScore = score;
      }
    }
    if (best == null) {
      return new PlacementResult.Unplaced(task.name(), reasons,
          Rejections.message(0, view.nodes().size(), reasons));
    }
    List<PortStatus> ports = PortAssigner.assign(task.ports(), best, view.usage(best.name()).hostPorts()).ports();
    return new PlacementResult.Placed(task.name(), best.name(), ports);
  }

  private Optional<String> firstRejection(TaskToPlace task, NodeView node, ClusterView view) {
    for (FeasibilityChecker c : checkers) {
      Optional<String> r = c.reject(task, node, view);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }
}
