package io.disponent.apiserver.internal.schema;

/**
 * A field path printed as Kubernetes' {@code field.Path} prints it: {@code spec.ports[0].name}, map
 * values as {@code spec.labels[key]}. Immutable; the root is the empty path.
 */
public final class FieldPath {

  private static final FieldPath ROOT = new FieldPath("");

  private final String text;

  private FieldPath(String text) {
    this.text = text;
  }

  public static FieldPath root() {
    return ROOT;
  }

  /** A path from its printed form (no parsing: the text is taken as the path). */
  public static FieldPath of(String text) {
    return text == null || text.isEmpty() ? ROOT : new FieldPath(text);
  }

  public FieldPath child(String name) {
    return new FieldPath(text.isEmpty() ? name : text + "." + name);
  }

  public FieldPath index(int i) {
    return new FieldPath(text + "[" + i + "]");
  }

  public FieldPath key(String key) {
    return new FieldPath(text + "[" + key + "]");
  }

  public boolean isRoot() {
    return text.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
