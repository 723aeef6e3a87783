package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.schema.Schema;
import io.disponent.apiserver.internal.schema.SchemaParser;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * How the schema shapes field paths. A null schema is unknown: objects are granular maps whose
 * fields are not declared, lists are atomic. {@code metadata} always follows ObjectMeta, whatever a
 * CRD says of it.
 */
final class Schemas {

  enum ListKind { ATOMIC, MAP, SET }

  /** ObjectMeta as Kubernetes' field manager sees it. */
  static final Schema METADATA = SchemaParser.parse(Json.parse(("""
      {"type":"object","properties":{
        "name":{"type":"string"},"generateName":{"type":"string"},"namespace":{"type":"string"},
        "uid":{"type":"string"},"resourceVersion":{"type":"string"},"generation":{"type":"integer"},
        "creationTimestamp":{"type":"string"},"deletionTimestamp":{"type":"string"},
        "deletionGracePeriodSeconds":{"type":"integer"},"selfLink":{"type":"string"},
        "labels":{"type":"object","additionalProperties":{"type":"string"}},
        "annotations":{"type":"object","additionalProperties":{"type":"string"}},
        "finalizers":{"type":"array","items":{"type":"string"},"x-kubernetes-list-type":"set"},
        "ownerReferences":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["uid"],
          "items":{"type":"object","properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},
            "name":{"type":"string"},"uid":{"type":"string"},"controller":{"type":"boolean"},
            "blockOwnerDeletion":{"type":"boolean"}}}},
        "managedFields":{"type":"array","items":{"type":"object"}}}}
      """).getBytes(StandardCharsets.UTF_8)));

  private static final Set<String> ROOT_DECLARED = Set.of("apiVersion", "kind", "metadata");

  private Schemas() {}

  /** The schema of field {@code name} of the object at {@code path}, null when unknown. */
  static Schema field(Schema parent, FieldPath path, String name) {
    if (path.isRoot() && name.equals("metadata")) {
      return METADATA;
    }
    return parent == null ? null : parent.field(name);
  }

  /** Whether {@code name} is a declared property (a struct field), not a key of a map. */
  static boolean declared(Schema parent, FieldPath path, String name) {
    if (path.isRoot() && ROOT_DECLARED.contains(name)) {
      return true;
    }
    return parent != null && parent.properties() != null && parent.properties().containsKey(name);
  }

  static Schema items(Schema list) {
    return list == null ? null : list.items();
  }

  /** The schema of the value at {@code element} below a node of schema {@code parent}. */
  static Schema child(Schema parent, FieldPath parentPath, PathElement element) {
    return element instanceof PathElement.Field f ? field(parent, parentPath, f.name()) : items(parent);
  }

  static ListKind listKind(Schema schema) {
    if (schema == null) {
      return ListKind.ATOMIC;
    }
    if (schema.isMapList() && schema.listMapKeys() != null && !schema.listMapKeys().isEmpty()) {
      return ListKind.MAP;
    }
    return schema.isSetList() ? ListKind.SET : ListKind.ATOMIC;
  }

  /** Whether an object at {@code path} is owned as a whole. The root never is. */
  static boolean atomicObject(Schema schema, FieldPath path) {
    return !path.isRoot() && schema != null && schema.type() != Schema.Type.ARRAY && "atomic".equals(schema.mapType());
  }

  /** Whether a node is descended into (rather than treated as one value) at {@code path}. */
  static boolean granular(Schema schema, FieldPath path, JsonNode node) {
    if (node.isObject()) {
      return !atomicObject(schema, path);
    }
    return node.isArray() && listKind(schema) != ListKind.ATOMIC;
  }

  /**
   * The path element of element {@code index} of a granular list: its keys in a map list (the
   * index when a key is missing), its value in a set list.
   */
  static PathElement itemElement(Schema list, int index, JsonNode item) {
    if (listKind(list) == ListKind.SET) {
      return PathElement.value(item);
    }
    if (!item.isObject()) {
      return PathElement.index(index);
    }
    ObjectNode keys = Json.object();
    for (String key : list.listMapKeys()) {
      JsonNode value = item.get(key);
      if (value == null || value.isNull()) {
        return PathElement.index(index);
      }
      keys.set(key, value);
    }
    return PathElement.key(keys);
  }

  /** The elements of a granular list by path element; a repeated element counts once, first wins. */
  static java.util.LinkedHashMap<PathElement, JsonNode> elements(Schema list, JsonNode array) {
    java.util.LinkedHashMap<PathElement, JsonNode> out = new java.util.LinkedHashMap<>();
    if (array != null && array.isArray()) {
      for (int i = 0; i < array.size(); i++) {
        out.putIfAbsent(itemElement(list, i, array.get(i)), array.get(i));
      }
    }
    return out;
  }
}
