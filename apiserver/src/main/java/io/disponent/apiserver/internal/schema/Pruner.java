package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.meta.ObjectMetaValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the fields a structural schema does not know, as apiextensions' {@code pruning.Prune}:
 * nothing under {@code x-kubernetes-preserve-unknown-fields} (except inside its declared
 * properties), and the root and embedded resources keep apiVersion, kind and metadata, whose
 * non-ObjectMeta fields are dropped instead.
 */
public final class Pruner {

  private Pruner() {}

  /**
   * Prunes {@code object} in place.
   *
   * @return the paths of the removed fields, e.g. {@code spec.foo}, {@code spec.ports[0].bar},
   *     {@code metadata.foo}: what strict field validation reports as {@code unknown field "..."}
   */
  public static List<String> prune(Schema root, ObjectNode object) {
    List<String> removed = new ArrayList<>();
    if (object != null) {
      resource(root, object, FieldPath.root(), removed);
    }
    return removed;
  }

  /** The root, or an embedded resource: apiVersion and kind kept, metadata reduced to ObjectMeta. */
  private static void resource(Schema s, ObjectNode obj, FieldPath path, List<String> removed) {
    JsonNode metadata = obj.get("metadata");
    if (metadata instanceof ObjectNode meta) {
      FieldPath metaPath = path.child("metadata");
      for (String unknown : ObjectMetaValidator.unknownFields(meta, metaPath.toString())) {
        meta.remove(unknown.substring(metaPath.toString().length() + 1));
        removed.add(unknown);
      }
    }
    object(s, obj, path, removed, true);
  }

  private static void node(Schema s, JsonNode v, FieldPath path, List<String> removed) {
    if (v instanceof ObjectNode obj) {
      if (s != null && s.embeddedResource()) {
        resource(s, obj, path, removed);
      } else {
        object(s, obj, path, removed, false);
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        node(s == null ? null : s.items(), v.get(i), path.index(i), removed);
      }
    }
  }

  private static void object(Schema s, ObjectNode obj, FieldPath path, List<String> removed, boolean resource) {
    boolean preserve = s != null && s.preserveUnknownFields();
    List<String> names = new ArrayList<>();
    obj.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (resource && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"))) {
        continue;
      }
      Schema prop = s == null ? null : s.properties().get(name);
      if (prop != null) {
        node(prop, obj.get(name), path.child(name), removed);
      } else if (s != null && s.additionalProperties() != null) {
        node(s.additionalProperties(), obj.get(name), path.key(name), removed);
      } else if (!preserve) {
        obj.remove(name);
        removed.add(path.child(name).toString());
      }
    }
  }
}
