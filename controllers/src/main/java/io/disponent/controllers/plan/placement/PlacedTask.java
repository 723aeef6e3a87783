package io.disponent.controllers.plan.placement;

import java.util.Set;

/**
 * A Task already bound to a node: what it holds there, and its owner for constraints.
 *
 * @param owner the owning Service's id (uid, or namespace/name); tasks of one owner share constraints
 */
public record PlacedTask(String name, String owner, String node, long cpuMillis, long memoryBytes,
    long diskBytes, Set<Integer> hostPorts) {
  public PlacedTask {
    hostPorts = Set.copyOf(hostPorts == null ? Set.of() : hostPorts);
  }
}
