package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Deep JSON equality in which numbers compare by value ({@code 1} equals {@code 1.0}). */
public final class JsonEquality {

  private static final Comparator<JsonNode> NUMBERS = (a, b) -> {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    }
    return 1;
  };

  private JsonEquality() {}

  public static boolean equal(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(NUMBERS, b);
  }
}
