package io.disponent.controllers.plan.placement;

import io.disponent.crds.model.PortStatus;
import java.util.List;
import java.util.Map;

/** The outcome of placing one task. */
public sealed interface PlacementResult permits PlacementResult.Placed, PlacementResult.Unplaced {
  String task();

  /** Bind {@code task} to {@code node} and report {@code ports} (in the order of its spec ports). */
  record Placed(String task, String node, List<PortStatus> ports) implements PlacementResult {
    public Placed {
      ports = List.copyOf(ports);
    }
  }

  /**
   * No node fits; {@code reasons} counts rejected nodes by reason, {@code message} is the Scheduled
   * condition's message ({@link Rejections}).
   */
  record Unplaced(String task, Map<String, Integer> reasons, String message) implements PlacementResult {
    public Unplaced {
      reasons = Map.copyOf(reasons);
    }
  }
}
