package io.disponent.apiserver.internal.apply;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * An immutable set of field paths: the fields a manager owns, or that a write added, changed or
 * removed. A path is a member on its own; that its children are members does not make it one
 * (in {@code fieldsV1} a member that also has member children is marked {@code "."}).
 */
public final class FieldSet {

  public static final FieldSet EMPTY = new FieldSet(new TreeSet<>());

  private final NavigableSet<FieldPath> paths;

  private FieldSet(NavigableSet<FieldPath> paths) {
    this.paths = Collections.unmodifiableNavigableSet(paths);
  }

  public static FieldSet of(Collection<FieldPath> paths) {
    return new FieldSet(new TreeSet<>(paths));
  }

  public static FieldSet of(FieldPath... paths) {
    return of(List.of(paths));
  }

  /** The members, in structured-merge-diff order (a path before its descendants). */
  public NavigableSet<FieldPath> paths() {
    return paths;
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  public int size() {
    return paths.size();
  }

  public boolean contains(FieldPath path) {
    return paths.contains(path);
  }

  /** Whether some member lies strictly below {@code path}. */
  public boolean hasDescendants(FieldPath path) {
    FieldPath next = paths.higher(path);
    return next != null && path.isPrefixOf(next);
  }

  public FieldSet union(FieldSet other) {
    if (other.isEmpty()) {
      return this;
    }
    TreeSet<FieldPath> all = new TreeSet<>(paths);
    all.addAll(other.paths);
    return new FieldSet(all);
  }

  public FieldSet difference(FieldSet other) {
    if (other.isEmpty()) {
      return this;
    }
    TreeSet<FieldPath> rest = new TreeSet<>(paths);
    rest.removeAll(other.paths);
    return new FieldSet(rest);
  }

  public FieldSet intersection(FieldSet other) {
    TreeSet<FieldPath> common = new TreeSet<>(paths);
    common.retainAll(other.paths);
    return new FieldSet(common);
  }

  /** The members with no member below them. */
  public FieldSet leaves() {
    TreeSet<FieldPath> leaves = new TreeSet<>();
    for (FieldPath path : paths) {
      if (!hasDescendants(path)) {
        leaves.add(path);
      }
    }
    return new FieldSet(leaves);
  }

  /** This set without {@code path} and every member below it. */
  public FieldSet withoutSubtree(FieldPath path) {
    TreeSet<FieldPath> rest = new TreeSet<>(paths);
    rest.removeIf(path::isPrefixOf);
    return new FieldSet(rest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet other && paths.equals(other.paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    return paths.toString();
  }
}
