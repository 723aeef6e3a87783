package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON type names kube-openapi reports, and its integer test. */
final class JsonTypes {

  private JsonTypes() {}

  /**
   * Whether {@code node} is a JSON integer as kube-openapi judges it: integral literals, and also
   * floating literals with no fraction ({@code 1.0}), which Kubernetes accepts for {@code integer}.
   */
  static boolean isIntegral(JsonNode node) {
    if (node.isIntegralNumber()) {
      return true;
    }
    if (!node.isNumber()) {
      return false;
    }
    double d = node.doubleValue();
    return !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63;
  }

  /** The type name of a value: object, array, string, integer, number, boolean or null. */
  static String nameOf(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.isIntegralNumber() ? "integer" : "number";
  }

  /** Whether {@code node} has JSON type {@code type}; integral numbers count as numbers too. */
  static boolean is(JsonNode node, Schema.Type type) {
    switch (type) {
      case OBJECT:
        return node.isObject();
      case ARRAY:
        return node.isArray();
      case STRING:
        return node.isTextual();
      case BOOLEAN:
        return node.isBoolean();
      case INTEGER:
        return isIntegral(node);
      case NUMBER:
        return node.isNumber();
      default:
        return false;
    }
  }
}
