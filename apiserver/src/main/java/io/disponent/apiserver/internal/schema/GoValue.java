package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON value printed as Go's {@code %#v} prints the decoded value, which is how Kubernetes shows
 * non-scalar values in causes: {@code map[string]interface {}{"name":"http"}}.
 */
record GoValue(JsonNode node) {

  @Override
  public String toString() {
    return render(node);
  }

  private static String render(JsonNode n) {
    if (n == null || n.isNull()) {
      return "interface {}(nil)";
    }
    if (n.isTextual()) {
      return n.toString();
    }
    if (n.isObject()) {
      StringBuilder sb = new StringBuilder("map[string]interface {}{");
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      boolean first = true;
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(first ? "" : ", ").append('"').append(e.getKey()).append("\":").append(inner(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    }
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder("[]interface {}{");
      for (int i = 0; i < n.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(inner(n.get(i)));
      }
      return sb.append('}').toString();
    }
    return n.toString();
  }

  private static String inner(JsonNode n) {
    if (n.isIntegralNumber()) {
      return "int64(" + n + ")";
    }
    if (n.isNumber()) {
      return n.toString();
    }
    return render(n);
  }
}
