package io.disponent.apiserver.internal.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A path to a field of an object, from its root. Prints as Kubernetes prints field paths in apply
 * conflicts: {@code .spec.template.spec.ports[name="http"].containerPort}.
 */
public record FieldPath(List<PathElement> elements) implements Comparable<FieldPath> {

  public static final FieldPath ROOT = new FieldPath(List.of());

  public FieldPath {
    elements = List.copyOf(elements);
  }

  public static FieldPath of(PathElement... elements) {
    return new FieldPath(List.of(elements));
  }

  /** A path of field names only, e.g. {@code fields("spec", "replicas")}. */
  public static FieldPath fields(String... names) {
    List<PathElement> elements = new ArrayList<>();
    for (String name : names) {
      elements.add(PathElement.field(name));
    }
    return new FieldPath(elements);
  }

  public FieldPath child(PathElement element) {
    List<PathElement> longer = new ArrayList<>(elements.size() + 1);
    longer.addAll(elements);
    longer.add(element);
    return new FieldPath(longer);
  }

  public FieldPath field(String name) {
    return child(PathElement.field(name));
  }

  public boolean isRoot() {
    return elements.isEmpty();
  }

  public int size() {
    return elements.size();
  }

  public PathElement last() {
    return elements.get(elements.size() - 1);
  }

  public FieldPath prefix(int length) {
    return new FieldPath(elements.subList(0, length));
  }

  /** Whether {@code other} is this path or lies below it. */
  public boolean isPrefixOf(FieldPath other) {
    return other.elements.size() >= elements.size() && other.elements.subList(0, elements.size()).equals(elements);
  }

  @Override
  public int compareTo(FieldPath other) {
    int common = Math.min(elements.size(), other.elements.size());
    for (int i = 0; i < common; i++) {
      int c = elements.get(i).compareTo(other.elements.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(elements.size(), other.elements.size());
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    elements.forEach(out::append);
    return out.toString();
  }
}
