package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON to CEL runtime values: objects become maps, arrays lists, integers {@code Long}, other
 * numbers {@code Double}, null the protobuf {@code NULL_VALUE} (what cel-java's runtime expects).
 */
final class CelValues {

  private CelValues() {}

  /** The root object as rules see it: {@code metadata} holds only name and generateName. */
  static Object ofRoot(JsonNode node) {
    if (!node.isObject()) {
      return of(node);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (e.getKey().equals("metadata") && e.getValue().isObject()) {
        Map<String, Object> meta = new LinkedHashMap<>();
        for (String f : new String[] {"name", "generateName"}) {
          if (e.getValue().has(f)) {
            meta.put(f, of(e.getValue().get(f)));
          }
        }
        map.put("metadata", Collections.unmodifiableMap(meta));
      } else {
        map.put(e.getKey(), of(e.getValue()));
      }
    });
    return Collections.unmodifiableMap(map);
  }

  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return com.google.protobuf.NullValue.NULL_VALUE;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), of(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(n -> list.add(of(n)));
      return Collections.unmodifiableList(list);
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber() && JsonTypes.isIntegral(node)) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
