package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One validation pass over a value and its schema, collecting every cause. A structural pass (the
 * CRD's schema itself) also runs CEL rules and embedded-resource checks; the value-validation
 * passes of allOf/anyOf/oneOf/not branches do not.
 */
final class ValidationWalk {

  final List<StatusCause> causes = new ArrayList<>();
  /** CEL causes come after the OpenAPI ones, as Kubernetes reports them. */
  final List<StatusCause> celCauses = new ArrayList<>();
  private final boolean structural;

  ValidationWalk(boolean structural) {
    this.structural = structural;
  }

  /** @param old the correlated value of the old object, or null */
  void node(Schema s, JsonNode v, JsonNode old, FieldPath path, boolean root) {
    if (v.isNull()) {
      if (!s.nullable() && (s.type() != null || s.intOrString())) {
        typeError(path, s.type() != null ? s.type().jsonName() : "integer,string", v);
      }
      return;
    }
    if (s.type() != null && !JsonTypes.is(v, s.type())) {
      typeError(path, s.type().jsonName(), v);
      return;
    }
    if (s.intOrString() && s.type() == null && s.anyOf().isEmpty() && !v.isTextual() && !JsonTypes.isIntegral(v)) {
      typeError(path, "integer,string", v);
      return;
    }
    ValueChecks.check(s, v, path, causes);
    if (v.isObject()) {
      object(s, v, old, path, root);
    } else if (v.isArray()) {
      array(s, v, old, path);
    }
    Combinators.check(s, v, path, causes);
    if (structural) {
      CelCheck.check(s, v, old, path, root, celCauses);
    }
  }

  private void object(Schema s, JsonNode v, JsonNode old, FieldPath path, boolean root) {
    for (String r : s.required()) {
      if (!v.has(r)) {
        causes.add(StatusCause.required(path.child(r).toString()));
      }
    }
    int size = v.size();
    if (s.minProperties() != null && size < s.minProperties()) {
      causes.add(StatusCause.invalid(path.toString(), size,
          path + " in body should have at least " + s.minProperties() + " properties"));
    }
    if (s.maxProperties() != null && size > s.maxProperties()) {
      causes.add(StatusCause.tooMany(path.toString(), size, s.maxProperties()));
    }
    boolean embedded = structural && s.embeddedResource();
    if (embedded) {
      EmbeddedChecks.check(v, path, causes);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if ((root || embedded) && name.equals("metadata")) {
        continue;
      }
      JsonNode oldChild = old != null && old.isObject() ? old.get(name) : null;
      Schema declared = s.properties().get(name);
      if (declared != null) {
        node(declared, e.getValue(), oldChild, path.child(name), false);
      } else if (s.additionalProperties() != null) {
        node(s.additionalProperties(), e.getValue(), oldChild, path.key(name), false);
      }
    }
  }

  private void array(Schema s, JsonNode v, JsonNode old, FieldPath path) {
    int size = v.size();
    if (s.minItems() != null && size < s.minItems()) {
      causes.add(StatusCause.invalid(path.toString(), size, path + " in body should have at least " + s.minItems() + " items"));
    }
    if (s.maxItems() != null && size > s.maxItems()) {
      causes.add(StatusCause.tooMany(path.toString(), size, s.maxItems()));
    }
    ListChecks.check(s, v, path, causes);
    if (s.items() == null) {
      return;
    }
    for (int i = 0; i < size; i++) {
      JsonNode item = v.get(i);
      JsonNode oldItem = null;
      if (s.isMapList()) {
        oldItem = ListChecks.correlateByKey(s, item, old);
      } else if (s.isSetList()) {
        oldItem = ListChecks.correlateByValue(item, old);
      }
      node(s.items(), item, oldItem, path.index(i), false);
    }
  }

  private void typeError(FieldPath path, String expected, JsonNode v) {
    String actual = JsonTypes.nameOf(v);
    causes.add(StatusCause.typeInvalid(path.toString(), actual,
        path + " in body must be of type " + expected + ": \"" + actual + "\""));
  }
}
