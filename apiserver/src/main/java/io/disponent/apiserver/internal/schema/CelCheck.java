package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Evaluates the {@code x-kubernetes-validations} of one schema node against one value. */
final class CelCheck {

  private CelCheck() {}

  /**
   * @param old the correlated old value, or null on create (transition rules are then skipped)
   * @param root whether the node is the object's root, where {@code self.metadata} is reduced to
   *     name and generateName as in Kubernetes
   */
  static void check(Schema s, JsonNode v, JsonNode old, FieldPath path, boolean root, List<StatusCause> out) {
    if (s.rules().isEmpty()) {
      return;
    }
    String type = s.type() == null ? "" : s.type().jsonName();
    Object self = root ? CelValues.ofRoot(v) : CelValues.of(v);
    Object oldSelf = old == null ? null : root ? CelValues.ofRoot(old) : CelValues.of(old);
    for (Schema.ValidationRule source : s.rules()) {
      CelRule rule = CelRules.compile(source);
      if (!rule.compiled()) {
        out.add(StatusCause.invalid(path.toString(), type, rule.compileError()));
        continue;
      }
      if (rule.transition() && oldSelf == null) {
        continue;
      }
      Map<String, Object> vars = new HashMap<>();
      vars.put("self", self);
      if (oldSelf != null) {
        vars.put("oldSelf", oldSelf);
      }
      try {
        Object result = rule.program().eval(vars);
        if (!(result instanceof Boolean)) {
          out.add(StatusCause.invalid(path.toString(), type, "rule did not evaluate to a boolean: " + source.rule()));
        } else if (!(Boolean) result) {
          out.add(failure(rule, vars, path, type));
        }
      } catch (CelEvaluationException | RuntimeException e) {
        out.add(StatusCause.invalid(path.toString(), type, e.getMessage()));
      }
    }
  }

  private static StatusCause failure(CelRule rule, Map<String, Object> vars, FieldPath path, String type) {
    Schema.ValidationRule source = rule.source();
    String message = message(rule, vars);
    String field = source.fieldPath() == null || source.fieldPath().isEmpty()
        ? path.toString()
        : RuleFieldPath.append(path, source.fieldPath()).toString();
    String reason = source.reason() == null ? "FieldValueInvalid" : source.reason();
    switch (reason) {
      case "FieldValueForbidden":
        return StatusCause.forbidden(field, message);
      case "FieldValueRequired":
        return StatusCause.required(field, message);
      case "FieldValueDuplicate":
        return StatusCause.duplicate(field, type);
      default:
        return StatusCause.invalid(field, type, message);
    }
  }

  private static String message(CelRule rule, Map<String, Object> vars) {
    if (rule.message() != null) {
      try {
        Object m = rule.message().eval(vars);
        if (m instanceof String s && !s.isBlank()) {
          return s;
        }
      } catch (CelEvaluationException | RuntimeException e) {
        // fall back to the static message, as Kubernetes does
      }
    }
    Schema.ValidationRule source = rule.source();
    if (source.message() != null && !source.message().isBlank()) {
      return source.message();
    }
    return "failed rule: " + source.rule().trim();
  }
}
