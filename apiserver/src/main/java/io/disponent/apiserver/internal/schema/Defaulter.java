package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structural defaulting as apiextensions' {@code structuraldefaulting.Default}: an absent field
 * whose schema has a {@code default} gets a deep copy of it, and so does a null where the schema
 * is not nullable; defaulting then recurses into the value, into array items and into
 * additionalProperties values. Metadata (of the root and of embedded resources) is never defaulted.
 */
public final class Defaulter {

  private Defaulter() {}

  /** Defaults {@code object} in place. */
  public static void apply(Schema root, ObjectNode object) {
    if (root != null && object != null) {
      node(root, object, true);
    }
  }

  /** Defaults the nested fields of {@code value}, a value of {@code s} that is not a resource root. */
  static void applyWithin(Schema s, JsonNode value) {
    node(s, value, false);
  }

  private static void node(Schema s, JsonNode v, boolean resourceRoot) {
    if (s == null) {
      return;
    }
    if (v instanceof ObjectNode obj) {
      object(s, obj, resourceRoot || s.embeddedResource());
    } else if (v instanceof ArrayNode array && s.items() != null) {
      for (int i = 0; i < array.size(); i++) {
        if (nonNullableNull(array.get(i), s.items())) {
          array.set(i, s.items().defaultValue().deepCopy());
        }
        node(s.items(), array.get(i), false);
      }
    }
  }

  private static void object(Schema s, ObjectNode obj, boolean skipMetadata) {
    for (Map.Entry<String, Schema> e : s.properties().entrySet()) {
      String name = e.getKey();
      Schema prop = e.getValue();
      if (prop.defaultValue() == null || (skipMetadata && name.equals("metadata"))) {
        continue;
      }
      if (!obj.has(name) || nonNullableNull(obj.get(name), prop)) {
        obj.set(name, prop.defaultValue().deepCopy());
      }
    }
    List<String> names = new ArrayList<>();
    obj.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (skipMetadata && name.equals("metadata")) {
        continue;
      }
      Schema prop = s.properties().get(name);
      if (prop != null) {
        node(prop, obj.get(name), false);
      } else if (s.additionalProperties() != null) {
        if (nonNullableNull(obj.get(name), s.additionalProperties())) {
          obj.set(name, s.additionalProperties().defaultValue().deepCopy());
        }
        node(s.additionalProperties(), obj.get(name), false);
      }
    }
  }

  private static boolean nonNullableNull(JsonNode v, Schema s) {
    return v != null && v.isNull() && s != null && !s.nullable() && s.defaultValue() != null;
  }
}
