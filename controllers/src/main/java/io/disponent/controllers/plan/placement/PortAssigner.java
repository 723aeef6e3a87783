package io.disponent.controllers.plan.placement;

import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.PortStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Assigns host ports on one node: a port with {@code hostPort} gets exactly it if no Task there holds it
 * (it need not be inside the node's range); every other port gets the lowest free port of the node's
 * range, in the order of the spec. Deterministic.
 */
public final class PortAssigner {
  private PortAssigner() {}

  /** The assignment, in the order of {@code ports}; or the rejection reason. */
  public static Assignment assign(List<PortSpec> ports, NodeView node, Set<Integer> used) {
    Set<Integer> taken = new HashSet<>(used);
    for (PortSpec p : ports) {
      if (p.hostPort() != null && !taken.add(p.hostPort())) {
        return new Assignment(List.of(), Optional.of("host port " + p.hostPort() + " in use"));
      }
    }
    List<PortStatus> out = new ArrayList<>();
    int next = node.portBegin();
    for (PortSpec p : ports) {
      if (p.hostPort() != null) {
        out.add(new PortStatus(p.name(), p.hostPort()));
        continue;
      }
      while (next <= node.portEnd() && taken.contains(next)) {
        next++;
      }
      if (next > node.portEnd()) {
        return new Assignment(List.of(), Optional.of("insufficient host ports"));
      }
      taken.add(next);
      out.add(new PortStatus(p.name(), next));
    }
    return new Assignment(List.copyOf(out), Optional.empty());
  }

  /** Ports by name, or why none could be given. */
  public record Assignment(List<PortStatus> ports, Optional<String> rejection) {}
}
