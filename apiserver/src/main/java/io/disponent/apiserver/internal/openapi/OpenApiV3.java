package io.disponent.apiserver.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code /openapi/v3}: the root index and one OpenAPI 3.0 document per group version, as pure
 * functions of the served resources. Documents are deterministic, so callers may cache them per
 * registry generation.
 */
public final class OpenApiV3 {

  private OpenApiV3() {}

  /**
   * The root: {@code {"paths":{"apis/disponent.io/v1":{"serverRelativeURL":"/openapi/v3/apis/disponent.io/v1?hash=H"}}}},
   * where H changes whenever that group version's document does.
   */
  public static ObjectNode root(List<ResourceType> types) {
    ObjectNode root = Json.object();
    ObjectNode paths = root.putObject("paths");
    for (Map.Entry<String, List<ResourceType>> gv : byGroupVersion(types).entrySet()) {
      ResourceType first = gv.getValue().get(0);
      String hash = hash(document(gv.getValue(), first.group(), first.version()));
      paths.putObject(gv.getKey()).put("serverRelativeURL", "/openapi/v3/" + gv.getKey() + "?hash=" + hash);
    }
    return root;
  }

  /**
   * The document of {@code /openapi/v3/apis/{group}/{version}} (or {@code /openapi/v3/api/v1} for
   * an empty group).
   *
   * @return empty when nothing is served in that group version (answer 404)
   */
  public static Optional<ObjectNode> groupVersion(List<ResourceType> types, String group, String version) {
    List<ResourceType> served = byGroupVersion(types).get(documentKey(group, version));
    return served == null ? Optional.empty() : Optional.of(document(served, group, version));
  }

  /** {@code apis/disponent.io/v1} or {@code api/v1}: the key in the root and the URL tail. */
  public static String documentKey(String group, String version) {
    return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
  }

  /** A stable content hash: upper-case hex SHA-256 prefix of the document with keys sorted. */
  public static String hash(JsonNode document) {
    return CanonicalJson.hash(document);
  }

  private static ObjectNode document(List<ResourceType> types, String group, String version) {
    ObjectNode doc = Json.object().put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Disponent").put("version", "v0.1.0");
    ObjectNode paths = doc.putObject("paths");
    List<ResourceType> sorted = new ArrayList<>(types);
    sorted.sort(Comparator.comparing(ResourceType::plural));
    for (ResourceType type : sorted) {
      Paths.add(paths, type);
    }
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    schemas.setAll(MetaSchemas.schemas(sorted.stream().anyMatch(t -> t.scale() != null)));
    for (ResourceType type : sorted) {
      schemas.set(SchemaNames.kind(type), KindSchemas.kind(type));
      schemas.set(SchemaNames.list(type), KindSchemas.list(type));
    }
    return (ObjectNode) CanonicalJson.sorted(doc);
  }

  private static Map<String, List<ResourceType>> byGroupVersion(List<ResourceType> types) {
    Map<String, List<ResourceType>> groups = new TreeMap<>();
    for (ResourceType type : types) {
      groups.computeIfAbsent(documentKey(type.group(), type.version()), k -> new ArrayList<>()).add(type);
    }
    return groups;
  }
}
