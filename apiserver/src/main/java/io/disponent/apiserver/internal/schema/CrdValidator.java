package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.meta.NameRule;
import io.disponent.apiserver.internal.meta.ObjectMetaValidator;
import io.disponent.apiserver.validation.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a {@code CustomResourceDefinition} (apiextensions.k8s.io/v1) as Kubernetes does for
 * the parts Disponent uses: metadata, group, names, scope, versions, schemas (structural, with
 * compilable patterns and CEL rules and valid defaults) and printer columns.
 */
public final class CrdValidator {

  private static final Set<String> COLUMN_TYPES = Set.of("integer", "number", "string", "boolean", "date");

  private CrdValidator() {}

  /** Every problem of {@code crd}; empty when it is valid. */
  public static List<StatusCause> validate(JsonNode crd) {
    List<StatusCause> out = new ArrayList<>(ObjectMetaValidator.validate(crd.get("metadata"), false, NameRule.DNS_SUBDOMAIN));
    JsonNode spec = crd.path("spec");
    FieldPath sp = FieldPath.of("spec");
    String group = spec.path("group").asText("");
    String plural = spec.path("names").path("plural").asText("");
    String name = crd.path("metadata").path("name").asText("");
    if (!name.equals(plural + "." + group)) {
      out.add(StatusCause.invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
    }
    if (group.isEmpty()) {
      out.add(StatusCause.required("spec.group"));
    } else {
      Names.validateDns1123Subdomain(group).forEach(m -> out.add(StatusCause.invalid("spec.group", group, m)));
      if (!group.contains(".")) {
        out.add(StatusCause.invalid("spec.group", group, "should be a domain with at least one dot"));
      }
    }
    String scope = spec.path("scope").asText("");
    if (scope.isEmpty()) {
      out.add(StatusCause.required("spec.scope"));
    } else if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      out.add(StatusCause.notSupported("spec.scope", scope, List.of("Cluster", "Namespaced")));
    }
    names(spec.path("names"), sp.child("names"), out);
    versions(spec.path("versions"), sp.child("versions"), out);
    return out;
  }

  private static void names(JsonNode names, FieldPath path, List<StatusCause> out) {
    for (String field : new String[] {"plural", "singular"}) {
      String v = names.path(field).asText("");
      if (v.isEmpty()) {
        out.add(StatusCause.required(path.child(field).toString()));
      } else {
        List<String> errs = Dns1035.validate(v);
        if (!errs.isEmpty()) {
          out.add(StatusCause.invalid(path.child(field).toString(), v, String.join(",", errs)));
        }
      }
    }
    for (String field : new String[] {"kind", "listKind"}) {
      String v = names.path(field).asText("");
      if (v.isEmpty()) {
        out.add(StatusCause.required(path.child(field).toString()));
        continue;
      }
      List<String> errs = Dns1035.validate(v.toLowerCase(Locale.ROOT));
      if (!errs.isEmpty()) {
        out.add(StatusCause.invalid(path.child(field).toString(), v,
            "may have mixed case, but should otherwise match: " + String.join(",", errs)));
      } else if (!Character.isUpperCase(v.charAt(0))) {
        out.add(StatusCause.invalid(path.child(field).toString(), v, "must be UpperCamelCase"));
      }
    }
    if (!names.path("kind").asText("").isEmpty() && names.path("kind").equals(names.path("listKind"))) {
      out.add(StatusCause.invalid(path.child("listKind").toString(), names.path("listKind").asText(),
          "kind and listKind may not be the same"));
    }
    JsonNode shortNames = names.path("shortNames");
    for (int i = 0; i < shortNames.size(); i++) {
      String v = shortNames.get(i).asText();
      List<String> errs = Dns1035.validate(v);
      if (!errs.isEmpty()) {
        out.add(StatusCause.invalid(path.child("shortNames").index(i).toString(), v, String.join(",", errs)));
      }
    }
  }

  private static void versions(JsonNode versions, FieldPath path, List<StatusCause> out) {
    if (versions.isEmpty()) {
      out.add(StatusCause.required(path.toString(), "must have at least one version"));
      return;
    }
    int storage = 0;
    boolean served = false;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      JsonNode v = versions.get(i);
      FieldPath vp = path.index(i);
      String name = v.path("name").asText("");
      if (name.isEmpty()) {
        out.add(StatusCause.required(vp.child("name").toString()));
      } else {
        Dns1035.validate(name).forEach(m -> out.add(StatusCause.invalid(vp.child("name").toString(), name, m)));
        if (!seen.add(name)) {
          out.add(StatusCause.duplicate(vp.child("name").toString(), name));
        }
      }
      storage += v.path("storage").asBoolean(false) ? 1 : 0;
      served |= v.path("served").asBoolean(false);
      JsonNode schema = v.path("schema").get("openAPIV3Schema");
      FieldPath schemaPath = vp.child("schema").child("openAPIV3Schema");
      if (schema == null || schema.isNull()) {
        if (v.path("served").asBoolean(false)) {
          out.add(StatusCause.required(schemaPath.toString(), "schemas are required"));
        }
      } else {
        StructuralCheck.check(schema, schemaPath, out);
      }
      columns(v.path("additionalPrinterColumns"), vp.child("additionalPrinterColumns"), out);
      JsonNode selectable = v.path("selectableFields");
      for (int j = 0; j < selectable.size(); j++) {
        jsonPath(selectable.get(j).path("jsonPath").asText(""), vp.child("selectableFields").index(j).child("jsonPath"), out);
      }
    }
    if (storage != 1) {
      out.add(StatusCause.invalid(path.toString(), names(versions), "must have exactly one version marked as storage version"));
    }
    if (!served) {
      out.add(StatusCause.invalid(path.toString(), names(versions), "must serve at least one version"));
    }
  }

  /** The version names, to show in a cause instead of the whole list. */
  private static JsonNode names(JsonNode versions) {
    com.fasterxml.jackson.databind.node.ArrayNode names = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    versions.forEach(v -> names.add(v.path("name").asText("")));
    return names;
  }

  private static void columns(JsonNode columns, FieldPath path, List<StatusCause> out) {
    for (int i = 0; i < columns.size(); i++) {
      JsonNode c = columns.get(i);
      FieldPath cp = path.index(i);
      if (c.path("name").asText("").isEmpty()) {
        out.add(StatusCause.required(cp.child("name").toString()));
      }
      String type = c.path("type").asText("");
      if (type.isEmpty()) {
        out.add(StatusCause.required(cp.child("type").toString()));
      } else if (!COLUMN_TYPES.contains(type)) {
        out.add(StatusCause.notSupported(cp.child("type").toString(), type, List.of("boolean", "date", "integer", "number", "string")));
      }
      jsonPath(c.path("jsonPath").asText(""), cp.child("jsonPath"), out);
    }
  }

  private static void jsonPath(String jsonPath, FieldPath path, List<StatusCause> out) {
    if (jsonPath.isEmpty()) {
      out.add(StatusCause.required(path.toString()));
    } else if (!jsonPath.startsWith(".")) {
      out.add(StatusCause.invalid(path.toString(), jsonPath, "must be a simple json path starting with ."));
    }
  }
}
