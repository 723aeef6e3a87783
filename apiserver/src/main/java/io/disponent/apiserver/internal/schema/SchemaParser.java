package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles the JSON of an {@code openAPIV3Schema} (JSONSchemaProps) into a {@link Schema} tree. */
public final class SchemaParser {

  private SchemaParser() {}

  /** Parses {@code node}; null or a missing node gives null. */
  public static Schema parse(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    Map<String, Schema> properties = new LinkedHashMap<>();
    node.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), parse(e.getValue())));
    Set<String> required = new LinkedHashSet<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    JsonNode additional = node.get("additionalProperties");
    Schema additionalSchema = additional != null && additional.isObject() ? parse(additional) : null;
    List<JsonNode> enums = new ArrayList<>();
    node.path("enum").forEach(enums::add);
    List<String> mapKeys = new ArrayList<>();
    node.path("x-kubernetes-list-map-keys").forEach(k -> mapKeys.add(k.asText()));
    List<Schema.ValidationRule> rules = new ArrayList<>();
    node.path("x-kubernetes-validations").forEach(r -> rules.add(new Schema.ValidationRule(
        text(r, "rule"), text(r, "message"), text(r, "messageExpression"), text(r, "reason"), text(r, "fieldPath"))));
    return new Schema(
        Schema.Type.of(text(node, "type")),
        text(node, "description"),
        Collections.unmodifiableMap(properties),
        Collections.unmodifiableSet(required),
        additionalSchema,
        parse(node.get("items")),
        node.get("default"),
        List.copyOf(enums),
        text(node, "pattern"),
        text(node, "format"),
        decimal(node, "minimum"),
        decimal(node, "maximum"),
        node.path("exclusiveMinimum").asBoolean(false),
        node.path("exclusiveMaximum").asBoolean(false),
        number(node, "minLength"),
        number(node, "maxLength"),
        number(node, "minItems"),
        number(node, "maxItems"),
        number(node, "minProperties"),
        number(node, "maxProperties"),
        node.path("nullable").asBoolean(false),
        node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false),
        node.path("x-kubernetes-int-or-string").asBoolean(false),
        node.path("x-kubernetes-embedded-resource").asBoolean(false),
        text(node, "x-kubernetes-list-type"),
        List.copyOf(mapKeys),
        text(node, "x-kubernetes-map-type"),
        List.copyOf(rules),
        list(node, "allOf"),
        list(node, "anyOf"),
        list(node, "oneOf"),
        parse(node.get("not")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.decimalValue();
  }

  private static Long number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isNumber() ? null : v.longValue();
  }

  private static List<Schema> list(JsonNode node, String field) {
    List<Schema> out = new ArrayList<>();
    node.path(field).forEach(s -> out.add(parse(s)));
    return List.copyOf(out);
  }
}
