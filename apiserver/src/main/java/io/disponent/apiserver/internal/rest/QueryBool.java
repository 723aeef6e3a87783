package io.disponent.apiserver.internal.rest;

import java.util.Set;

/** A boolean query parameter, spelled as Go's strconv.ParseBool accepts it. */
final class QueryBool {
  private static final Set<String> TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

  private QueryBool() {}

  /** False when absent or empty, null when it is not a boolean. */
  static Boolean parse(String value) {
    if (value == null || value.isEmpty() || FALSE.contains(value)) {
      return false;
    }
    return TRUE.contains(value) ? true : null;
  }
}
