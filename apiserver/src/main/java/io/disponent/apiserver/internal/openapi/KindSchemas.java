package io.disponent.apiserver.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;

/** A kind's schema and its list kind's schema, as Kubernetes publishes a CRD's. */
final class KindSchemas {

  private static final String API_VERSION = "APIVersion defines the versioned schema of this representation of "
      + "an object. Servers should convert recognized schemas to the latest internal value, and may reject "
      + "unrecognized values. More info: "
      + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
  private static final String KIND = "Kind is a string value representing the REST resource this object "
      + "represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. "
      + "In CamelCase. More info: "
      + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
  private static final String OBJECT_META = "Standard object's metadata. More info: "
      + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
  private static final String LIST_META = "Standard list metadata. More info: "
      + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

  private KindSchemas() {}

  /**
   * The CRD's schema with {@code metadata} replaced by a reference to ObjectMeta (nested
   * {@code metadata} fields, such as a template's, stay as written) and the GVK list kubectl
   * explain looks for.
   */
  static ObjectNode kind(ResourceType type) {
    JsonNode raw = type.openApiSchema();
    ObjectNode schema = raw != null && raw.isObject() ? ((ObjectNode) raw).deepCopy() : Json.object();
    if (!schema.has("type")) {
      schema.put("type", "object");
    }
    ObjectNode properties = schema.has("properties") && schema.get("properties").isObject()
        ? (ObjectNode) schema.get("properties")
        : schema.putObject("properties");
    if (!properties.has("apiVersion")) {
      properties.putObject("apiVersion").put("description", API_VERSION).put("type", "string");
    }
    if (!properties.has("kind")) {
      properties.putObject("kind").put("description", KIND).put("type", "string");
    }
    properties.set("metadata", metadata(SchemaNames.OBJECT_META, OBJECT_META));
    schema.set("x-kubernetes-group-version-kind", Json.MAPPER.createArrayNode().add(gvk(type, type.kind())));
    return schema;
  }

  /** {@code ServiceList}: items of the kind plus ListMeta. */
  static ObjectNode list(ResourceType type) {
    ObjectNode schema = Json.object()
        .put("description", type.listKind() + " is a list of " + type.kind())
        .put("type", "object");
    schema.putArray("required").add("items");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("apiVersion").put("description", API_VERSION).put("type", "string");
    ObjectNode items = properties.putObject("items")
        .put("description", "List of " + type.plural() + ". More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md")
        .put("type", "array");
    items.putObject("items").put("$ref", SchemaNames.ref(SchemaNames.kind(type)));
    properties.putObject("kind").put("description", KIND).put("type", "string");
    properties.set("metadata", metadata(SchemaNames.LIST_META, LIST_META));
    schema.set("x-kubernetes-group-version-kind", Json.MAPPER.createArrayNode().add(gvk(type, type.listKind())));
    return schema;
  }

  static ObjectNode gvk(ResourceType type, String kind) {
    return Json.object().put("group", type.group()).put("kind", kind).put("version", type.version());
  }

  private static ObjectNode metadata(String schemaName, String description) {
    ObjectNode metadata = Json.object();
    metadata.putArray("allOf").addObject().put("$ref", SchemaNames.ref(schemaName));
    metadata.put("description", description);
    return metadata;
  }
}
