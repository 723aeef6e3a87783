package io.disponent.controllers.plan.placement;

import java.util.List;
import java.util.Optional;

/**
 * One result per task, in the order given, and the view with the placed ones bound.
 */
public record PlacementPlan(List<PlacementResult> results, ClusterView after) {
  public PlacementPlan {
    results = List.copyOf(results);
  }

  public Optional<PlacementResult> result(String task) {
    return results.stream().filter(r -> r.task().equals(task)).findFirst();
  }
}
