package io.disponent.apiserver.internal.schema;

/**
 * The {@code fieldPath} of a CEL rule, relative to the rule's node: {@code .a.b}, {@code ['a.b']}
 * or {@code .list[2]}.
 */
final class RuleFieldPath {

  private RuleFieldPath() {}

  /** {@code base} extended by {@code relative}; throws IllegalArgumentException when malformed. */
  static FieldPath append(FieldPath base, String relative) {
    FieldPath p = base;
    int i = 0;
    int n = relative.length();
    while (i < n) {
      char c = relative.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < n && relative.charAt(end) != '.' && relative.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException("empty field name at " + i);
        }
        p = p.child(relative.substring(i + 1, end));
        i = end;
      } else if (relative.startsWith("['", i)) {
        int end = relative.indexOf("']", i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ['...'] at " + i);
        }
        p = p.child(relative.substring(i + 2, end));
        i = end + 2;
      } else if (c == '[') {
        int end = relative.indexOf(']', i);
        if (end < 0 || !relative.substring(i + 1, end).matches("[0-9]+")) {
          throw new IllegalArgumentException("expected an index or ['name'] at " + i);
        }
        p = p.index(Integer.parseInt(relative.substring(i + 1, end)));
        i = end + 1;
      } else {
        throw new IllegalArgumentException("expected '.' or '[' at " + i);
      }
    }
    return p;
  }

  /** Null when {@code fieldPath} is well formed, else why not. */
  static String error(String fieldPath) {
    try {
      append(FieldPath.root(), fieldPath);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
