package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.disponent.apiserver.internal.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Value equality and a canonical text for JSON values, numbers compared by value (1 == 1.0). */
final class JsonValues {

  private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonValues() {}

  static boolean equal(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(NUMERIC, b);
  }

  /** Compact JSON with object keys sorted and integral numbers without a fraction. */
  static String canonical(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(Comparator.naturalOrder());
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",").append(Json.string(TextNode.valueOf(names.get(i)))).append(':');
        write(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isNumber()) {
      java.math.BigDecimal value = node.decimalValue().stripTrailingZeros();
      out.append(value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString());
    } else {
      out.append(Json.string(node));
    }
  }
}
