package io.disponent.controllers.plan.gc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Objects by uid and, for every uid named as an owner, the uids of its dependents (the owner itself may be
 * absent: a dangling owner). A value without I/O; not thread-safe (its holder locks).
 */
public final class OwnerGraph {
  private final Map<String, GcNode> nodes = new HashMap<>();
  private final Map<String, Set<String>> dependents = new HashMap<>();

  public static OwnerGraph of(Collection<GcNode> objects) {
    OwnerGraph g = new OwnerGraph();
    objects.forEach(g::put);
    return g;
  }

  public Optional<GcNode> get(String uid) {
    return Optional.ofNullable(nodes.get(uid));
  }

  /** Adds or replaces the object; answers what was there before. */
  public Optional<GcNode> put(GcNode node) {
    GcNode before = nodes.put(node.uid(), node);
    if (before != null) {
      unlink(before);
    }
    node.owners().forEach(o -> dependents.computeIfAbsent(o.uid(), k -> new HashSet<>()).add(node.uid()));
    return Optional.ofNullable(before);
  }

  public Optional<GcNode> remove(String uid) {
    GcNode before = nodes.remove(uid);
    if (before != null) {
      unlink(before);
    }
    return Optional.ofNullable(before);
  }

  /** The objects naming {@code ownerUid} among their owners. */
  public List<GcNode> dependents(String ownerUid) {
    List<GcNode> out = new ArrayList<>();
    for (String d : dependents.getOrDefault(ownerUid, Set.of())) {
      GcNode n = nodes.get(d);
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  public boolean hasDependents(String ownerUid) {
    return !dependents.getOrDefault(ownerUid, Set.of()).isEmpty();
  }

  public int size() {
    return nodes.size();
  }

  public Collection<GcNode> nodes() {
    return List.copyOf(nodes.values());
  }

  private void unlink(GcNode node) {
    for (OwnerRef o : node.owners()) {
      Set<String> deps = dependents.get(o.uid());
      if (deps != null) {
        deps.remove(node.uid());
        if (deps.isEmpty()) {
          dependents.remove(o.uid());
        }
      }
    }
  }
}
