package io.disponent.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The unaggregated discovery documents: {@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/{g}/{v}}. */
final class LegacyDiscovery {

  private LegacyDiscovery() {}

  static ObjectNode apiVersions(String serverAddress) {
    ObjectNode body = Json.object().put("kind", "APIVersions");
    body.putArray("versions").add("v1");
    body.putArray("serverAddressByClientCIDRs").addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress);
    return body;
  }

  static ObjectNode apiGroupList(List<ResourceType> types) {
    ObjectNode body = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = body.putArray("groups");
    for (Map.Entry<String, Map<String, List<ResourceType>>> group : GroupVersions.of(types).entrySet()) {
      if (group.getKey().isEmpty()) {
        continue;
      }
      ObjectNode entry = groups.addObject().put("name", group.getKey());
      ArrayNode versions = entry.putArray("versions");
      group.getValue().keySet().forEach(v -> versions.add(groupVersion(group.getKey(), v)));
      entry.set("preferredVersion", groupVersion(group.getKey(), group.getValue().keySet().iterator().next()));
    }
    return body;
  }

  static Optional<ObjectNode> apiResourceList(List<ResourceType> types, String group, String version) {
    List<ResourceType> served = GroupVersions.of(types).getOrDefault(group, Map.of()).get(version);
    boolean coreV1 = group.isEmpty() && version.equals("v1");
    if (served == null && !coreV1) {
      return Optional.empty();
    }
    ObjectNode body = Json.object()
        .put("kind", "APIResourceList")
        .put("apiVersion", "v1")
        .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = body.putArray("resources");
    for (ResourceType type : served == null ? List.<ResourceType>of() : served) {
      addResource(resources, type, storageVersionHash(types, type));
    }
    return Optional.of(body);
  }

  private static void addResource(ArrayNode resources, ResourceType type, String hash) {
    ObjectNode resource = resources.addObject()
        .put("name", type.plural())
        .put("singularName", type.singular())
        .put("namespaced", type.namespaced())
        .put("kind", type.kind());
    strings(resource.putArray("verbs"), type.verbs());
    if (!type.shortNames().isEmpty()) {
      strings(resource.putArray("shortNames"), type.shortNames());
    }
    if (!type.categories().isEmpty()) {
      strings(resource.putArray("categories"), type.categories());
    }
    if (type.stored()) {
      resource.put("storageVersionHash", hash);
    }
    if (type.statusSubresource()) {
      ObjectNode status = resources.addObject()
          .put("name", type.plural() + "/status")
          .put("singularName", "")
          .put("namespaced", type.namespaced())
          .put("kind", type.kind());
      strings(status.putArray("verbs"), Verbs.SUBRESOURCE);
    }
    if (type.scale() != null) {
      ObjectNode scale = resources.addObject()
          .put("name", type.plural() + "/scale")
          .put("singularName", "")
          .put("namespaced", type.namespaced())
          .put("group", "autoscaling")
          .put("version", "v1")
          .put("kind", "Scale");
      strings(scale.putArray("verbs"), Verbs.SUBRESOURCE);
    }
  }

  /** The hash names the version objects are stored in, so clients see one hash across served versions. */
  static String storageVersionHash(List<ResourceType> types, ResourceType type) {
    String storage = types.stream()
        .filter(t -> t.storageVersion() && t.group().equals(type.group()) && t.kind().equals(type.kind()))
        .map(ResourceType::version)
        .findFirst()
        .orElse(type.version());
    return StorageVersionHash.of(type.group(), storage, type.kind());
  }

  private static ObjectNode groupVersion(String group, String version) {
    return Json.object().put("groupVersion", group + "/" + version).put("version", version);
  }

  static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
