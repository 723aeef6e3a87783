package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a CRD's structural schema (an {@code openAPIV3Schema}), compiled from its JSON once
 * per CRD version. Every field is optional: null (or empty) when the schema does not say it.
 *
 * @param type the JSON type, or null when untyped (int-or-string, preserve-unknown-fields, any)
 * @param properties the known fields of an object, in declaration order
 * @param additionalProperties the schema of the values of a map-like object (null when absent)
 * @param items the schema of an array's elements
 * @param listType {@code atomic}, {@code set} or {@code map} (x-kubernetes-list-type); null means
 *     atomic
 * @param listMapKeys the keys of a {@code map} list (x-kubernetes-list-map-keys)
 * @param mapType {@code granular} or {@code atomic} (x-kubernetes-map-type); null means granular
 * @param rules CEL rules (x-kubernetes-validations)
 */
public record Schema(
    Type type,
    String description,
    Map<String, Schema> properties,
    Set<String> required,
    Schema additionalProperties,
    Schema items,
    JsonNode defaultValue,
    List<JsonNode> enumValues,
    String pattern,
    String format,
    BigDecimal minimum,
    BigDecimal maximum,
    boolean exclusiveMinimum,
    boolean exclusiveMaximum,
    Long minLength,
    Long maxLength,
    Long minItems,
    Long maxItems,
    Long minProperties,
    Long maxProperties,
    boolean nullable,
    boolean preserveUnknownFields,
    boolean intOrString,
    boolean embeddedResource,
    String listType,
    List<String> listMapKeys,
    String mapType,
    List<ValidationRule> rules,
    List<Schema> allOf,
    List<Schema> anyOf,
    List<Schema> oneOf,
    Schema not) {

  public enum Type {
    OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN;

    public static Type of(String name) {
      return name == null ? null : valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A CEL rule of {@code x-kubernetes-validations}. */
  public record ValidationRule(String rule, String message, String messageExpression, String reason, String fieldPath) {}

  /** The schema of field {@code name} of an object: a declared property, else additionalProperties. */
  public Schema field(String name) {
    Schema declared = properties.get(name);
    return declared != null ? declared : additionalProperties;
  }

  public boolean isMapList() {
    return type == Type.ARRAY && "map".equals(listType);
  }

  public boolean isSetList() {
    return type == Type.ARRAY && "set".equals(listType);
  }

  public boolean isAtomic() {
    if (type == Type.ARRAY) {
      return listType == null || "atomic".equals(listType);
    }
    return "atomic".equals(mapType);
  }
}
