package io.disponent.apiserver.internal.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;

/**
 * The path items of one resource. Every operation carries its own query parameters and the
 * object form of {@code x-kubernetes-group-version-kind}: kubectl decides whether the server
 * validates fields by finding a PATCH with that extension and a {@code fieldValidation} parameter.
 */
final class Paths {

  private static final String[] CONTENT = {"application/json", "application/yaml"};
  private static final String[] PATCH_CONTENT = {
      "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"};

  private Paths() {}

  static void add(ObjectNode paths, ResourceType type) {
    String base = type.groupVersionPath();
    String scoped = type.namespaced() ? base + "/namespaces/{namespace}/" + type.plural() : base + "/" + type.plural();
    String named = type.namespaced() ? "Namespaced" + type.kind() : type.kind();
    String kindRef = SchemaNames.kind(type);
    ObjectNode gvk = KindSchemas.gvk(type, type.kind());

    ObjectNode collection = pathItem(paths, scoped, type, false);
    collection.set("get", list(type, "list" + op(type) + named, "list or watch objects of kind " + type.kind(), gvk));
    collection.set("post", write(type, "create" + op(type) + named, "create " + type.kind(), "post", kindRef, gvk, false));
    ObjectNode deleteCollection = operation(type, "deletecollection", "delete" + op(type) + "Collection" + named,
        "delete collection of " + type.kind(), gvk);
    Parameters.delete(deleteCollection.withArray("parameters"));
    Parameters.list(deleteCollection.withArray("parameters"), false);
    requestBody(deleteCollection, new String[] {"*/*"}, SchemaNames.DELETE_OPTIONS, false);
    responses(deleteCollection, SchemaNames.STATUS, "200");
    collection.set("delete", deleteCollection);

    ObjectNode item = pathItem(paths, scoped + "/{name}", type, true);
    item.set("get", read(type, "read" + op(type) + named, "read the specified " + type.kind(), kindRef, gvk));
    item.set("put", write(type, "replace" + op(type) + named, "replace the specified " + type.kind(), "put", kindRef, gvk, false));
    ObjectNode delete = operation(type, "delete", "delete" + op(type) + named, "delete a " + type.kind(), gvk);
    Parameters.delete(delete.withArray("parameters"));
    requestBody(delete, new String[] {"*/*"}, SchemaNames.DELETE_OPTIONS, false);
    responses(delete, SchemaNames.STATUS, "200", "202");
    item.set("delete", delete);
    item.set("patch", write(type, "patch" + op(type) + named, "partially update the specified " + type.kind(), "patch",
        kindRef, gvk, true));

    if (type.statusSubresource()) {
      subresource(paths, type, scoped + "/{name}/status", named + "Status", "status of the specified " + type.kind(),
          kindRef, gvk);
    }
    if (type.scale() != null) {
      ObjectNode scaleGvk = Json.object().put("group", "autoscaling").put("kind", "Scale").put("version", "v1");
      subresource(paths, type, scoped + "/{name}/scale", named + "Scale", "scale of the specified " + type.kind(),
          SchemaNames.SCALE, scaleGvk);
    }
    if (type.namespaced()) {
      ObjectNode all = paths.putObject(base + "/" + type.plural());
      all.set("get", list(type, "list" + op(type) + type.kind() + "ForAllNamespaces",
          "list or watch objects of kind " + type.kind(), gvk));
      all.putArray("parameters").add(Parameters.pretty());
    }
  }

  private static void subresource(ObjectNode paths, ResourceType type, String path, String named, String what,
      String schema, ObjectNode gvk) {
    ObjectNode item = pathItem(paths, path, type, true);
    item.set("get", read(type, "read" + op(type) + named, "read " + what, schema, gvk));
    item.set("put", write(type, "replace" + op(type) + named, "replace " + what, "put", schema, gvk, false));
    item.set("patch", write(type, "patch" + op(type) + named, "partially update " + what, "patch", schema, gvk, true));
  }

  private static ObjectNode pathItem(ObjectNode paths, String path, ResourceType type, boolean named) {
    ObjectNode item = paths.putObject(path);
    ArrayNode parameters = item.putArray("parameters");
    if (named) {
      parameters.add(Parameters.path("name", "name of the " + type.kind()));
    }
    if (type.namespaced()) {
      parameters.add(Parameters.path("namespace", "object name and auth scope, such as for teams and projects"));
    }
    parameters.add(Parameters.pretty());
    return item;
  }

  private static ObjectNode list(ResourceType type, String id, String description, ObjectNode gvk) {
    ObjectNode list = operation(type, "list", id, description, gvk);
    Parameters.list(list.withArray("parameters"), true);
    ObjectNode ok = list.putObject("responses").putObject("200").put("description", "OK");
    ObjectNode content = ok.putObject("content");
    for (String mediaType : new String[] {"application/json", "application/json;stream=watch", "application/yaml"}) {
      content.putObject(mediaType).putObject("schema").put("$ref", SchemaNames.ref(SchemaNames.list(type)));
    }
    ((ObjectNode) list.get("responses")).putObject("401").put("description", "Unauthorized");
    return list;
  }

  private static ObjectNode read(ResourceType type, String id, String description, String schema, ObjectNode gvk) {
    ObjectNode read = operation(type, "get", id, description, gvk);
    read.remove("parameters");
    responses(read, schema, "200");
    return read;
  }

  private static ObjectNode write(ResourceType type, String id, String description, String action, String schema,
      ObjectNode gvk, boolean patch) {
    ObjectNode write = operation(type, action, id, description, gvk);
    Parameters.write(write.withArray("parameters"), patch);
    if (patch) {
      requestBody(write, PATCH_CONTENT, SchemaNames.PATCH, true);
      responses(write, schema, "200", "201");
    } else {
      requestBody(write, new String[] {"*/*"}, schema, true);
      responses(write, schema, action.equals("post") ? new String[] {"200", "201", "202"} : new String[] {"200", "201"});
    }
    return write;
  }

  private static ObjectNode operation(ResourceType type, String action, String id, String description, ObjectNode gvk) {
    ObjectNode operation = Json.object();
    operation.putArray("tags").add(SchemaNames.tag(type));
    operation.put("description", description).put("operationId", id);
    operation.putArray("parameters");
    operation.put("x-kubernetes-action", action);
    operation.set("x-kubernetes-group-version-kind", gvk.deepCopy());
    return operation;
  }

  private static void requestBody(ObjectNode operation, String[] mediaTypes, String schema, boolean required) {
    ObjectNode body = operation.putObject("requestBody");
    ObjectNode content = body.putObject("content");
    for (String mediaType : mediaTypes) {
      content.putObject(mediaType).putObject("schema").put("$ref", SchemaNames.ref(schema));
    }
    if (required) {
      body.put("required", true);
    }
  }

  private static void responses(ObjectNode operation, String schema, String... codes) {
    ObjectNode responses = operation.putObject("responses");
    for (String code : codes) {
      ObjectNode response = responses.putObject(code).put("description", description(code));
      ObjectNode content = response.putObject("content");
      for (String mediaType : CONTENT) {
        content.putObject(mediaType).putObject("schema").put("$ref", SchemaNames.ref(schema));
      }
    }
    responses.putObject("401").put("description", "Unauthorized");
  }

  private static String description(String code) {
    switch (code) {
      case "201":
        return "Created";
      case "202":
        return "Accepted";
      default:
        return "OK";
    }
  }

  private static String op(ResourceType type) {
    return SchemaNames.operationGroup(type);
  }
}
