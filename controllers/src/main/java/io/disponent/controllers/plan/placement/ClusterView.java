package io.disponent.controllers.plan.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of the nodes and of the Tasks bound to them, with what each node holds and each owner's Tasks
 * indexed. {@link #with} returns a new view with one more Task, so a batch placement never overcommits.
 * Tasks bound to unknown nodes are kept for constraints but hold nothing.
 *
 * <p>Immutable to its users. {@link Placement} plans on a private {@link #copy} that it grows with
 * {@link #add} (one node's usage and one owner's list per placement, not the whole view) and hands out
 * only once it is done.
 */
public final class ClusterView {
  private final Map<String, NodeView> nodes;
  private final List<NodeView> sorted;
  private final List<PlacedTask> placed;
  private final Map<String, Usage> usage;
  private final Map<String, List<PlacedTask>> byOwner;

  /** What the Tasks on one node hold. */
  public record Usage(long cpuMillis, long memoryBytes, long diskBytes, Set<Integer> hostPorts) {
    static final Usage NONE = new Usage(0, 0, 0, Set.of());

    Usage plus(PlacedTask t) {
      Set<Integer> ports = hostPorts;
      if (!t.hostPorts().isEmpty()) {
        Set<Integer> more = new HashSet<>(hostPorts);
        more.addAll(t.hostPorts());
        ports = Set.copyOf(more);
      }
      return new Usage(cpuMillis + t.cpuMillis(), memoryBytes + t.memoryBytes(), diskBytes + t.diskBytes(), ports);
    }
  }

  public ClusterView(List<NodeView> nodes, List<PlacedTask> placed) {
    Map<String, NodeView> byName = new LinkedHashMap<>();
    nodes.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(n -> byName.put(n.name(), n));
    this.nodes = Collections.unmodifiableMap(byName);
    this.sorted = List.copyOf(byName.values());
    this.placed = new ArrayList<>(placed.size());
    this.usage = new HashMap<>();
    this.byOwner = new HashMap<>();
    placed.forEach(this::add);
  }

  private ClusterView(ClusterView from) {
    this.nodes = from.nodes;
    this.sorted = from.sorted;
    this.placed = new ArrayList<>(from.placed);
    this.usage = new HashMap<>(from.usage);
    this.byOwner = new HashMap<>(from.byOwner.size());
    from.byOwner.forEach((owner, tasks) -> byOwner.put(owner, new ArrayList<>(tasks)));
  }

  /** The nodes, sorted by name. */
  public List<NodeView> nodes() {
    return sorted;
  }

  public NodeView node(String name) {
    return nodes.get(name);
  }

  public List<PlacedTask> placed() {
    return Collections.unmodifiableList(placed);
  }

  /** What the Tasks bound to {@code node} hold. */
  public Usage usage(String node) {
    return usage.getOrDefault(node, Usage.NONE);
  }

  /** The Tasks of {@code owner}, wherever they are bound. */
  public List<PlacedTask> tasksOf(String owner) {
    List<PlacedTask> tasks = byOwner.get(owner);
    return tasks == null ? List.of() : Collections.unmodifiableList(tasks);
  }

  /** This view with {@code task} bound as well. */
  public ClusterView with(PlacedTask task) {
    ClusterView more = copy();
    more.add(task);
    return more;
  }

  /** A copy that {@link #add} may grow without touching this view. */
  ClusterView copy() {
    return new ClusterView(this);
  }

  /** Binds {@code task} in this view: only on a private {@link #copy}, before anyone else sees it. */
  void add(PlacedTask task) {
    placed.add(task);
    usage.put(task.node(), usage(task.node()).plus(task));
    byOwner.computeIfAbsent(task.owner(), o -> new ArrayList<>()).add(task);
  }
}
