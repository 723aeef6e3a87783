package io.disponent.controllers.plan.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the nodes and of the Tasks bound to them. {@link #with} returns a new view
 * with one more Task, so a batch placement never overcommits. Tasks bound to unknown nodes are kept
 * for constraints but hold nothing.
 */
public final class ClusterView {
  private final Map<String, NodeView> nodes;
  private final List<PlacedTask> placed;
  private final Map<String, Usage> usage;

  /** What the Tasks on one node hold. */
  public record Usage(long cpuMillis, long memoryBytes, long diskBytes, Set<Integer> hostPorts) {
    static final Usage NONE = new Usage(0, 0, 0, Set.of());

    Usage plus(PlacedTask t) {
      Set<Integer> ports = new HashSet<>(hostPorts);
      ports.addAll(t.hostPorts());
      return new Usage(cpuMillis + t.cpuMillis(), memoryBytes + t.memoryBytes(), diskBytes + t.diskBytes(),
          Set.copyOf(ports));
    }
  }

  public ClusterView(List<NodeView> nodes, List<PlacedTask> placed) {
    Map<String, NodeView> byName = new LinkedHashMap<>();
    nodes.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(n -> byName.put(n.name(), n));
    this.nodes = Collections.unmodifiableMap(byName);
    this.placed = List.copyOf(placed);
    Map<String, Usage> u = new LinkedHashMap<>();
    for (PlacedTask t : this.placed) {
      u.put(t.node(), u.getOrDefault(t.node(), Usage.NONE).plus(t));
    }
    this.usage = Collections.unmodifiableMap(u);
  }

  /** The nodes, sorted by name. */
  public List<NodeView> nodes() {
    return List.copyOf(nodes.values());
  }

  public NodeView node(String name) {
    return nodes.get(name);
  }

  public List<PlacedTask> placed() {
    return placed;
  }

  /** What the Tasks bound to {@code node} hold. */
  public Usage usage(String node) {
    return usage.getOrDefault(node, Usage.NONE);
  }

  /** The Tasks of {@code owner}, wherever they are bound. */
  public List<PlacedTask> tasksOf(String owner) {
    return placed.stream().filter(t -> t.owner().equals(owner)).toList();
  }

  /** This view with {@code task} bound as well. */
  public ClusterView with(PlacedTask task) {
    List<PlacedTask> more = new ArrayList<>(placed);
    more.add(task);
    return new ClusterView(List.copyOf(nodes.values()), more);
  }
}
