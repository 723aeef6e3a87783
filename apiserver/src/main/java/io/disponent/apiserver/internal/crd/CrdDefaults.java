package io.disponent.apiserver.internal.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * apiextensions.k8s.io/v1 defaulting of a CustomResourceDefinition, as Kubernetes'
 * {@code SetDefaults_CustomResourceDefinition}: {@code spec.names.singular} is the lower-cased
 * kind, {@code spec.names.listKind} is {@code <Kind>List}, {@code spec.conversion} is
 * {@code {strategy: None}}, a conversion webhook service's port is 443, and
 * {@code status.storedVersions} starts with the storage version. Fields already set stay.
 */
public final class CrdDefaults {

  private CrdDefaults() {}

  /** Fills the defaults into {@code crd} in place. */
  public static void apply(ObjectNode crd) {
    if (!(crd.get("spec") instanceof ObjectNode spec)) {
      return;
    }
    if (spec.get("names") instanceof ObjectNode names) {
      String kind = names.path("kind").asText("");
      if (!kind.isEmpty()) {
        putIfBlank(names, "singular", kind.toLowerCase(Locale.ROOT));
        putIfBlank(names, "listKind", kind + "List");
      }
    }
    if (!(spec.get("conversion") instanceof ObjectNode)) {
      spec.putObject("conversion").put("strategy", "None");
    }
    JsonNode service = spec.path("conversion").path("webhook").path("clientConfig").path("service");
    if (service instanceof ObjectNode s && !s.hasNonNull("port")) {
      s.put("port", 443);
    }
    storedVersions(crd, spec);
  }

  private static void storedVersions(ObjectNode crd, ObjectNode spec) {
    JsonNode status = crd.path("status");
    if (status.path("storedVersions").size() > 0) {
      return;
    }
    for (JsonNode v : spec.path("versions")) {
      if (v.path("storage").asBoolean(false)) {
        ObjectNode s = status instanceof ObjectNode o ? o : crd.putObject("status");
        s.putArray("storedVersions").add(v.path("name").asText());
        return;
      }
    }
  }

  private static void putIfBlank(ObjectNode node, String field, String value) {
    if (node.path(field).asText("").isEmpty()) {
      node.put(field, value);
    }
  }
}
