package io.disponent.apiserver.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.rest.KindHooks;

/**
 * Namespaces as Kubernetes keeps them: a new one is Active with the {@code kubernetes} finalizer
 * in its spec; a deleted one turns Terminating and stays until {@link NamespaceCleaner} has
 * removed its contents and that finalizer.
 */
public final class NamespaceHooks implements KindHooks {

  public static final String FINALIZER = "kubernetes";

  @Override
  public io.disponent.apiserver.internal.meta.NameRule nameRule() {
    return io.disponent.apiserver.internal.meta.NameRule.DNS_LABEL;
  }

  @Override
  public void onCreate(ObjectNode obj) {
    ObjectNode spec = obj.get("spec") instanceof ObjectNode s ? s : obj.putObject("spec");
    if (!hasFinalizer(spec)) {
      ArrayNode fins = spec.get("finalizers") instanceof ArrayNode a ? a : spec.putArray("finalizers");
      fins.add(FINALIZER);
    }
    obj.putObject("status").put("phase", "Active");
  }

  @Override
  public boolean onDelete(ObjectNode obj) {
    ObjectNode status = obj.get("status") instanceof ObjectNode s ? s : obj.putObject("status");
    status.put("phase", "Terminating");
    return hasFinalizer(obj.path("spec"));
  }

  static boolean hasFinalizer(JsonNode spec) {
    for (JsonNode f : spec.path("finalizers")) {
      if (FINALIZER.equals(f.asText())) {
        return true;
      }
    }
    return false;
  }
}
