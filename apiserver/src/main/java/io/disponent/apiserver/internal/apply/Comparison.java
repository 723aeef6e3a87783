package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of an object, as structured-merge-diff's {@code Compare} sees
 * it: changed leaves are modified; new or gone leaves, and new or gone objects and list elements
 * (the nodes themselves as well as what lies below), are added or removed.
 */
record Comparison(FieldSet added, FieldSet removed, FieldSet modified) {

  /** Added and modified: what a write takes ownership of. */
  FieldSet changed() {
    return added.union(modified);
  }

  /** The comparison of {@code before} (null when absent) with {@code after}, server-owned fields left out. */
  static Comparison of(Schema schema, JsonNode before, JsonNode after) {
    Collector c = new Collector();
    c.walk(schema, FieldPath.ROOT, before, after);
    return new Comparison(FieldSets.strip(FieldSet.of(c.added)), FieldSets.strip(FieldSet.of(c.removed)),
        FieldSets.strip(FieldSet.of(c.modified)));
  }

  private static final class Collector {
    final List<FieldPath> added = new ArrayList<>();
    final List<FieldPath> removed = new ArrayList<>();
    final List<FieldPath> modified = new ArrayList<>();

    void walk(Schema schema, FieldPath path, JsonNode lhs, JsonNode rhs) {
      if (descends(schema, path, lhs, rhs)) {
        walkObjectOrList(schema, path, lhs, rhs);
        if (!path.isRoot()) {
          if (lhs == null) {
            added.add(path);
          } else if (rhs == null) {
            removed.add(path);
          }
        }
        return;
      }
      if (path.isRoot()) {
        return;
      }
      if (lhs == null) {
        added.add(path);
      } else if (rhs == null) {
        removed.add(path);
      } else if (!JsonValues.equal(lhs, rhs)) {
        modified.add(path);
      }
    }

    /** Both granular containers of one kind (or one absent), not both empty. */
    private static boolean descends(Schema schema, FieldPath path, JsonNode lhs, JsonNode rhs) {
      if (lhs != null && !Schemas.granular(schema, path, lhs) || rhs != null && !Schemas.granular(schema, path, rhs)) {
        return false;
      }
      if (lhs != null && rhs != null && lhs.isObject() != rhs.isObject()) {
        return false;
      }
      return size(lhs) + size(rhs) > 0;
    }

    private static int size(JsonNode node) {
      return node == null ? 0 : node.size();
    }

    private void walkObjectOrList(Schema schema, FieldPath path, JsonNode lhs, JsonNode rhs) {
      JsonNode sample = lhs != null ? lhs : rhs;
      if (sample.isObject()) {
        Set<String> names = new LinkedHashSet<>();
        if (lhs != null) {
          lhs.fieldNames().forEachRemaining(names::add);
        }
        if (rhs != null) {
          rhs.fieldNames().forEachRemaining(names::add);
        }
        for (String name : names) {
          walk(Schemas.field(schema, path, name), path.field(name), get(lhs, name), get(rhs, name));
        }
        return;
      }
      Map<PathElement, JsonNode> left = Schemas.elements(schema, lhs);
      Map<PathElement, JsonNode> right = Schemas.elements(schema, rhs);
      Map<PathElement, Boolean> all = new LinkedHashMap<>();
      left.keySet().forEach(e -> all.put(e, true));
      right.keySet().forEach(e -> all.put(e, true));
      for (PathElement element : all.keySet()) {
        walk(Schemas.items(schema), path.child(element), left.get(element), right.get(element));
      }
    }

    private static JsonNode get(JsonNode node, String name) {
      return node == null ? null : node.get(name);
    }
  }
}
