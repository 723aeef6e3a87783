package io.disponent.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.List;
import java.util.Map;

/** Aggregated discovery ({@code APIGroupDiscoveryList}), shaped as Kubernetes serializes it. */
final class AggregatedDiscovery {

  private AggregatedDiscovery() {}

  /**
   * @param core true for {@code /api} (the core group only), false for {@code /apis} (all others)
   */
  static ObjectNode list(List<ResourceType> types, boolean core, DiscoveryFormat format) {
    ObjectNode body = Json.object()
        .put("kind", "APIGroupDiscoveryList")
        .put("apiVersion", format.apiVersion());
    body.putObject("metadata");
    ArrayNode items = body.putArray("items");
    for (Map.Entry<String, Map<String, List<ResourceType>>> group : GroupVersions.of(types).entrySet()) {
      if (group.getKey().isEmpty() != core) {
        continue;
      }
      ObjectNode item = items.addObject();
      ObjectNode metadata = item.putObject("metadata");
      if (!core) {
        metadata.put("name", group.getKey());
      }
      // Go serializes the zero metav1.Time as null; kept so bodies match a real server byte for byte.
      metadata.putNull("creationTimestamp");
      ArrayNode versions = item.putArray("versions");
      for (Map.Entry<String, List<ResourceType>> version : group.getValue().entrySet()) {
        ObjectNode entry = versions.addObject().put("version", version.getKey());
        ArrayNode resources = entry.putArray("resources");
        version.getValue().forEach(type -> resources.add(resource(type)));
        entry.put("freshness", "Current");
      }
    }
    return body;
  }

  private static ObjectNode resource(ResourceType type) {
    ObjectNode resource = Json.object().put("resource", type.plural());
    resource.set("responseKind", gvk(type.group(), type.version(), type.kind()));
    resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster")
        .put("singularResource", type.singular());
    LegacyDiscovery.strings(resource.putArray("verbs"), type.verbs());
    if (!type.shortNames().isEmpty()) {
      LegacyDiscovery.strings(resource.putArray("shortNames"), type.shortNames());
    }
    if (!type.categories().isEmpty()) {
      LegacyDiscovery.strings(resource.putArray("categories"), type.categories());
    }
    if (type.statusSubresource() || type.scale() != null) {
      ArrayNode subresources = resource.putArray("subresources");
      if (type.scale() != null) {
        subresources.add(subresource("scale", gvk("autoscaling", "v1", "Scale")));
      }
      if (type.statusSubresource()) {
        subresources.add(subresource("status", gvk(type.group(), type.version(), type.kind())));
      }
    }
    return resource;
  }

  private static ObjectNode subresource(String name, ObjectNode responseKind) {
    ObjectNode subresource = Json.object().put("subresource", name);
    subresource.set("responseKind", responseKind);
    LegacyDiscovery.strings(subresource.putArray("verbs"), Verbs.SUBRESOURCE);
    return subresource;
  }

  private static ObjectNode gvk(String group, String version, String kind) {
    return Json.object().put("group", group).put("version", version).put("kind", kind);
  }
}
