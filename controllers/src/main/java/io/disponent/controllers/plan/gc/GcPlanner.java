package io.disponent.controllers.plan.gc;

import io.disponent.crds.vocab.Finalizers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Kubernetes' garbage collection decisions for one object of the {@link OwnerGraph}. Pure: no I/O.
 *
 * <p>An object being deleted:
 * <table>
 * <tr><th>finalizer</th><th>decision</th></tr>
 * <tr><td>{@code orphan}</td><td>every dependent drops its reference to it, then the finalizer goes</td></tr>
 * <tr><td>{@code foregroundDeletion}</td><td>the finalizer goes once no dependent blocks (a dependent blocks
 *   with {@code blockOwnerDeletion: true}, unless it is itself deleting in the foreground and waits, through
 *   blocking dependents, on this owner: a cycle); until then nothing (the dependents are deleted on their
 *   own keys, their owner waiting counts as no owner)</td></tr>
 * <tr><td>other</td><td>nothing</td></tr>
 * </table>
 *
 * <p>An object not being deleted, each owner reference classified:
 * <table>
 * <tr><th>owner</th><th>is</th></tr>
 * <tr><td>in another namespace (namespaced dependent) or namespaced (cluster-scoped dependent)</td>
 *   <td>invalid: a Warning {@code OwnerRefInvalidNamespace}, then treated as absent</td></tr>
 * <tr><td>in the graph, deleting with {@code foregroundDeletion}</td><td>waiting</td></tr>
 * <tr><td>in the graph otherwise, or verified present, or of a kind not served (yet)</td><td>solid</td></tr>
 * <tr><td>verified absent</td><td>absent (dangling)</td></tr>
 * <tr><td>not in the graph, not verified</td><td>to verify: a direct read of the owner comes first</td></tr>
 * </table>
 * Then: any to verify: verify them, nothing else. Some solid: keep the object, dropping the references to
 * absent owners and unblocking waiting ones. None solid: delete it, in the foreground when an owner waits and
 * it has dependents of its own (so the chain waits), else in the background.
 */
public final class GcPlanner {

  private enum Kind { SOLID, WAITING, ABSENT, VERIFY }

  private GcPlanner() {}

  /**
   * @param scopes where objects of an owner reference's kind live
   */
  public static List<GcAction> plan(OwnerGraph graph, String uid, Verified verified,
      Function<OwnerRef, OwnerScope> scopes) {
    GcNode node = graph.get(uid).orElse(null);
    if (node == null) {
      return List.of();
    }
    if (node.deleting()) {
      return deleting(graph, node);
    }
    if (node.owners().isEmpty()) {
      return List.of();
    }
    List<GcAction> warnings = new ArrayList<>();
    List<GcAction> verify = new ArrayList<>();
    Set<String> absent = new LinkedHashSet<>();
    Set<String> unblock = new LinkedHashSet<>();
    boolean solid = false;
    boolean waiting = false;
    for (OwnerRef ref : node.owners()) {
      String invalid = invalidNamespace(graph, node, ref, scopes);
      if (invalid != null) {
        warnings.add(new GcAction.WarnInvalidOwnerRef(node, ref, invalid));
        absent.add(ref.uid());
        continue;
      }
      switch (classify(graph, node, ref, verified, scopes)) {
        case SOLID -> solid = true;
        case WAITING -> {
          waiting = true;
          if (ref.blockOwnerDeletion()) {
            unblock.add(ref.uid());
          }
        }
        case ABSENT -> absent.add(ref.uid());
        case VERIFY -> verify.add(new GcAction.VerifyOwner(node, ref,
            scopes.apply(ref) == OwnerScope.NAMESPACED ? node.namespace() : null));
      }
    }
    List<GcAction> out = new ArrayList<>(warnings);
    if (!verify.isEmpty()) {
      out.addAll(verify);
    } else if (solid) {
      if (!absent.isEmpty() || !unblock.isEmpty()) {
        out.add(new GcAction.PatchOwnerRefs(node, absent, unblock));
      }
    } else {
      out.add(new GcAction.Delete(node, waiting && graph.hasDependents(uid) ? "Foreground" : "Background"));
    }
    return out;
  }

  private static List<GcAction> deleting(OwnerGraph graph, GcNode node) {
    if (node.finalizers().contains(Finalizers.ORPHAN)) {
      List<GcAction> out = new ArrayList<>();
      graph.dependents(node.uid())
          .forEach(d -> out.add(new GcAction.PatchOwnerRefs(d, Set.of(node.uid()), Set.of())));
      out.add(new GcAction.RemoveFinalizer(node, Finalizers.ORPHAN));
      return out;
    }
    if (node.finalizers().contains(Finalizers.FOREGROUND_DELETION)) {
      boolean blocked = graph.dependents(node.uid()).stream().anyMatch(d -> blocks(graph, d, node));
      return blocked ? List.of() : List.of(new GcAction.RemoveFinalizer(node, Finalizers.FOREGROUND_DELETION));
    }
    return List.of();
  }

  private static boolean blocks(OwnerGraph graph, GcNode dependent, GcNode owner) {
    boolean blocking = dependent.owners().stream()
        .anyMatch(r -> r.uid().equals(owner.uid()) && r.blockOwnerDeletion());
    return blocking && !(waitsInForeground(dependent) && waitsOn(graph, dependent, owner.uid()));
  }

  /** Whether {@code from}, through blocking dependents that wait in the foreground, waits on {@code target}. */
  private static boolean waitsOn(OwnerGraph graph, GcNode from, String target) {
    Set<String> seen = new HashSet<>();
    Deque<GcNode> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      GcNode n = todo.pop();
      if (!seen.add(n.uid())) {
        continue;
      }
      for (GcNode d : graph.dependents(n.uid())) {
        boolean blocking = d.owners().stream().anyMatch(r -> r.uid().equals(n.uid()) && r.blockOwnerDeletion());
        if (!blocking) {
          continue;
        }
        if (d.uid().equals(target)) {
          return true;
        }
        if (waitsInForeground(d)) {
          todo.push(d);
        }
      }
    }
    return false;
  }

  private static boolean waitsInForeground(GcNode n) {
    return n.deleting() && n.finalizers().contains(Finalizers.FOREGROUND_DELETION);
  }

  private static Kind classify(OwnerGraph graph, GcNode node, OwnerRef ref, Verified verified,
      Function<OwnerRef, OwnerScope> scopes) {
    GcNode owner = graph.get(ref.uid()).orElse(null);
    if (owner != null) {
      return waitsInForeground(owner) ? Kind.WAITING : Kind.SOLID;
    }
    if (verified.present().contains(ref.uid()) || scopes.apply(ref) == OwnerScope.UNKNOWN) {
      return Kind.SOLID;
    }
    return verified.absent().contains(ref.uid()) ? Kind.ABSENT : Kind.VERIFY;
  }

  /** Why the reference may not name an owner, or null when it may. */
  private static String invalidNamespace(OwnerGraph graph, GcNode node, OwnerRef ref,
      Function<OwnerRef, OwnerScope> scopes) {
    GcNode owner = graph.get(ref.uid()).orElse(null);
    boolean ownerNamespaced = owner != null ? owner.namespaced() : scopes.apply(ref) == OwnerScope.NAMESPACED;
    if (!ownerNamespaced) {
      return null;
    }
    if (!node.namespaced()) {
      return "ownerRef [" + ref.apiVersion() + "/" + ref.kind() + ", name: " + ref.name() + ", uid: " + ref.uid()
          + "] does not exist in namespace \"\": a cluster-scoped object cannot be owned by a namespaced one";
    }
    if (owner != null && !owner.namespace().equals(node.namespace())) {
      return "ownerRef [" + ref.apiVersion() + "/" + ref.kind() + ", namespace: " + node.namespace() + ", name: "
          + ref.name() + ", uid: " + ref.uid() + "] does not exist in namespace \"" + node.namespace()
          + "\": owners must be in the dependent's namespace or cluster-scoped";
    }
    return null;
  }
}
