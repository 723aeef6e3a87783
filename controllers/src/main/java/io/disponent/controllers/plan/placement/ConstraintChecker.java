package io.disponent.controllers.plan.placement;

import io.disponent.crds.model.Constraint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Marathon's placement constraints over {@code hostname} or a node attribute, counted against the Tasks of
 * the same owner already bound (including those placed earlier in the same batch). A node without the
 * field fails every operator but UNLIKE. Rejects with {@code constraint <field>:<OPERATOR>}.
 * <ul>
 *   <li>UNIQUE: no Task of the owner on a node with the same value.
 *   <li>CLUSTER: the value equals {@code value}, or without one the value of the owner's placed Tasks.
 *   <li>GROUP_BY: the node's value has the fewest of the owner's Tasks among the values of Ready,
 *       schedulable nodes; with {@code value} N, values not yet seen count as empty until N are known.
 *   <li>LIKE / UNLIKE: the value fully matches / does not match the regular expression {@code value}.
 *   <li>MAX_PER: fewer than {@code value} of the owner's Tasks on nodes with the same value.
 *   <li>IS: the value equals {@code value}.
 * </ul>
 * An unknown operator or a bad argument rejects every node, so the message names the constraint.
 */
public final class ConstraintChecker implements FeasibilityChecker {
  @Override
  public Optional<String> reject(TaskToPlace task, NodeView node, ClusterView view) {
    for (Constraint c : task.constraints()) {
      if (!holds(c, task, node, view)) {
        return Optional.of("constraint " + c.field() + ":" + c.operator());
      }
    }
    return Optional.empty();
  }

  static boolean holds(Constraint c, TaskToPlace task, NodeView node, ClusterView view) {
    String op = c.operator() == null ? "" : c.operator();
    String mine = node.field(c.field());
    if (mine == null) {
      return "UNLIKE".equals(op);
    }
    List<PlacedTask> siblings = view.tasksOf(task.owner());
    try {
      switch (op) {
        case "UNIQUE":
          return countOn(siblings, view, c.field(), mine) == 0;
        case "CLUSTER":
          if (c.value() != null && !c.value().isEmpty()) {
            return mine.equals(c.value());
          }
          return siblings.stream().map(t -> valueOf(view, t, c.field())).filter(v -> v != null)
              .allMatch(mine::equals);
        case "GROUP_BY":
          return groupBy(c, task, mine, view);
        case "LIKE":
          return Pattern.compile(c.value()).matcher(mine).matches();
        case "UNLIKE":
          return !Pattern.compile(c.value()).matcher(mine).matches();
        case "MAX_PER":
          return countOn(siblings, view, c.field(), mine) < Integer.parseInt(c.value());
        case "IS":
          return mine.equals(c.value());
        default:
          return false;
      }
    } catch (PatternSyntaxException | NumberFormatException | NullPointerException e) {
      return false; // a malformed argument can never hold; the rejection reason names the constraint
    }
  }

  private static boolean groupBy(Constraint c, TaskToPlace task, String mine, ClusterView view) {
    Map<String, Integer> counts = new HashMap<>();
    for (NodeView n : view.nodes()) {
      String v = n.field(c.field());
      if (v != null && n.ready() && !n.unschedulable()) {
        counts.putIfAbsent(v, 0);
      }
    }
    for (PlacedTask t : view.tasksOf(task.owner())) {
      String v = valueOf(view, t, c.field());
      if (v != null) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    counts.putIfAbsent(mine, 0);
    int expected = c.value() == null || c.value().isEmpty() ? 0 : Integer.parseInt(c.value());
    int min = counts.size() < expected ? 0 : counts.values().stream().min(Integer::compare).orElse(0);
    return counts.get(mine) == min;
  }

  private static long countOn(List<PlacedTask> tasks, ClusterView view, String field, String value) {
    return tasks.stream().filter(t -> value.equals(valueOf(view, t, field))).count();
  }

  private static String valueOf(ClusterView view, PlacedTask t, String field) {
    NodeView n = view.node(t.node());
    if (n == null) {
      return "hostname".equals(field) ? t.node() : null;
    }
    return n.field(field);
  }
}
