package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an {@code openAPIV3Schema} is structural, and whether what it says is usable: types on
 * every node, no {@code $ref}, compilable patterns and CEL rules, defaults that validate. Works on
 * the raw JSON, so that paths name what the author wrote.
 */
final class StructuralCheck {

  private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");
  private static final List<String> RULE_REASONS =
      List.of("FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired");

  private StructuralCheck() {}

  static void check(JsonNode schema, FieldPath path, List<StatusCause> out) {
    if (!"object".equals(schema.path("type").asText(null))) {
      out.add(StatusCause.invalid(path.child("type").toString(), schema.path("type").asText(""), "must be object at the root"));
    }
    node(schema, path, true, false, out);
  }

  /**
   * @param typed whether this node needs a type (false inside allOf/anyOf/oneOf/not, which only
   *     validate values)
   * @param lenient whether an untyped node is fine here (under preserve-unknown-fields)
   */
  private static void node(JsonNode s, FieldPath path, boolean typed, boolean lenient, List<StatusCause> out) {
    if (!s.isObject()) {
      out.add(StatusCause.invalid(path.toString(), s, "must be a schema object"));
      return;
    }
    if (s.has("$ref")) {
      out.add(StatusCause.forbidden(path.child("$ref").toString(), "$ref is forbidden in structural schemas"));
    }
    boolean intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    String type = s.path("type").asText("");
    if (!type.isEmpty() && !TYPES.contains(type)) {
      out.add(StatusCause.notSupported(path.child("type").toString(), type,
          List.of("array", "boolean", "integer", "number", "object", "string")));
    }
    if (typed && type.isEmpty() && !intOrString && !preserve && !lenient) {
      out.add(StatusCause.required(path.child("type").toString(), "must not be empty for specified object fields"));
    }
    if (s.has("pattern")) {
      String err = Patterns.error(s.path("pattern").asText());
      if (err != null) {
        out.add(StatusCause.invalid(path.child("pattern").toString(), s.path("pattern").asText(),
            "must be a valid regular expression, but isn't: " + err));
      }
    }
    JsonNode additional = s.get("additionalProperties");
    if (additional != null && !additional.isObject()) {
      out.add(StatusCause.forbidden(path.child("additionalProperties").toString(),
          "must be a schema in structural schemas (use x-kubernetes-preserve-unknown-fields)"));
    }
    if (additional != null && additional.isObject() && s.has("properties")) {
      out.add(StatusCause.forbidden(path.child("additionalProperties").toString(),
          "additionalProperties and properties are mutual exclusive"));
    }
    if ("array".equals(type) && typed && !s.has("items")) {
      out.add(StatusCause.required(path.child("items").toString(), "must be specified"));
    }
    mapKeys(s, path, out);
    rules(s, path, out);
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      node(e.getValue(), path.child("properties").key(e.getKey()), typed, false, out);
    }
    if (s.has("items")) {
      node(s.get("items"), path.child("items"), typed, false, out);
    }
    if (additional != null && additional.isObject()) {
      node(additional, path.child("additionalProperties"), typed, false, out);
    }
    for (String junction : new String[] {"allOf", "anyOf", "oneOf"}) {
      JsonNode branches = s.path(junction);
      for (int i = 0; i < branches.size(); i++) {
        node(branches.get(i), path.child(junction).index(i), false, true, out);
      }
    }
    if (s.has("not")) {
      node(s.get("not"), path.child("not"), false, true, out);
    }
    if (typed && s.has("default")) {
      defaults(s, path, out);
    }
  }

  private static void mapKeys(JsonNode s, FieldPath path, List<StatusCause> out) {
    if (!"map".equals(s.path("x-kubernetes-list-type").asText(null))) {
      return;
    }
    JsonNode keys = s.path("x-kubernetes-list-map-keys");
    if (keys.isEmpty()) {
      out.add(StatusCause.required(path.child("x-kubernetes-list-map-keys").toString(),
          "must not be empty if x-kubernetes-list-type is map"));
      return;
    }
    JsonNode items = s.path("items");
    Set<String> required = new java.util.HashSet<>();
    items.path("required").forEach(r -> required.add(r.asText()));
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i).asText();
      JsonNode prop = items.path("properties").get(key);
      FieldPath kp = path.child("x-kubernetes-list-map-keys").index(i);
      if (prop == null) {
        out.add(StatusCause.invalid(kp.toString(), key, "entries must all be names of item properties"));
      } else if (!required.contains(key) && !prop.has("default")) {
        out.add(StatusCause.invalid(kp.toString(), key, "entries must all be names of required properties or have a default value"));
      }
    }
  }

  private static void rules(JsonNode s, FieldPath path, List<StatusCause> out) {
    JsonNode rules = s.path("x-kubernetes-validations");
    for (int i = 0; i < rules.size(); i++) {
      JsonNode r = rules.get(i);
      FieldPath rp = path.child("x-kubernetes-validations").index(i);
      Schema.ValidationRule rule = new Schema.ValidationRule(text(r, "rule"), text(r, "message"),
          text(r, "messageExpression"), text(r, "reason"), text(r, "fieldPath"));
      CelRule compiled = CelRules.compile(rule);
      if (!compiled.compiled()) {
        out.add(StatusCause.invalid(rp.child("rule").toString(), rule.rule() == null ? "" : rule.rule(), compiled.compileError()));
      }
      if (rule.messageExpression() != null) {
        String err = CelRules.messageExpressionError(rule.messageExpression());
        if (err != null) {
          out.add(StatusCause.invalid(rp.child("messageExpression").toString(), rule.messageExpression(), err));
        }
      }
      if (rule.reason() != null && !RULE_REASONS.contains(rule.reason())) {
        out.add(StatusCause.notSupported(rp.child("reason").toString(), rule.reason(), RULE_REASONS));
      }
      if (rule.fieldPath() != null) {
        String err = RuleFieldPath.error(rule.fieldPath());
        if (err != null) {
          out.add(StatusCause.invalid(rp.child("fieldPath").toString(), rule.fieldPath(), "is not a valid path: " + err));
        }
      }
    }
  }

  /** A default, once its own nested defaults are applied, must be valid (CEL rules included). */
  private static void defaults(JsonNode s, FieldPath path, List<StatusCause> out) {
    Schema schema = SchemaParser.parse(s);
    JsonNode value = s.get("default").deepCopy();
    Defaulter.applyWithin(schema, value);
    ValidationWalk walk = new ValidationWalk(true);
    walk.node(schema, value, null, path.child("default"), false);
    out.addAll(walk.causes);
    out.addAll(walk.celCauses);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
