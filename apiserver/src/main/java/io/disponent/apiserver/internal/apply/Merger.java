package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.schema.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an apply configuration into a live object as structured-merge-diff does: objects field by
 * field, map lists by key, set lists by value; atomic lists and maps and scalars are replaced.
 */
final class Merger {

  private Merger() {}

  /** {@code lhs} merged with {@code rhs}; rhs wins on leaves. Inputs are not modified. */
  static JsonNode merge(Schema schema, JsonNode lhs, JsonNode rhs) {
    return merge(schema, FieldPath.ROOT, lhs, rhs);
  }

  private static JsonNode merge(Schema schema, FieldPath path, JsonNode lhs, JsonNode rhs) {
    if (lhs == null || rhs == null) {
      JsonNode present = lhs == null ? rhs : lhs;
      return present == null ? null : present.deepCopy();
    }
    boolean granular = Schemas.granular(schema, path, lhs) && Schemas.granular(schema, path, rhs);
    if (granular && lhs.isObject() && rhs.isObject()) {
      return mergeObject(schema, path, lhs, rhs);
    }
    if (granular && lhs.isArray() && rhs.isArray()) {
      return mergeList(schema, path, lhs, rhs);
    }
    return rhs.deepCopy();
  }

  private static ObjectNode mergeObject(Schema schema, FieldPath path, JsonNode lhs, JsonNode rhs) {
    ObjectNode out = Json.object();
    Iterator<Map.Entry<String, JsonNode>> left = lhs.fields();
    while (left.hasNext()) {
      Map.Entry<String, JsonNode> field = left.next();
      String name = field.getKey();
      out.set(name, merge(Schemas.field(schema, path, name), path.field(name), field.getValue(), rhs.get(name)));
    }
    Iterator<Map.Entry<String, JsonNode>> right = rhs.fields();
    while (right.hasNext()) {
      Map.Entry<String, JsonNode> field = right.next();
      if (!out.has(field.getKey())) {
        out.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return out;
  }

  /**
   * Elements keep the configuration's order; live elements the configuration does not name stay
   * where they were relative to the ones around them (structured-merge-diff's ordering).
   */
  private static ArrayNode mergeList(Schema schema, FieldPath path, JsonNode lhs, JsonNode rhs) {
    Map<PathElement, JsonNode> left = Schemas.elements(schema, lhs);
    Map<PathElement, JsonNode> right = Schemas.elements(schema, rhs);
    List<PathElement> leftOrder = new ArrayList<>(left.keySet());
    List<PathElement> rightOrder = new ArrayList<>(right.keySet());
    Deque<PathElement> shared = new ArrayDeque<>();
    rightOrder.stream().filter(left::containsKey).forEach(shared::add);
    PathElement nextShared = shared.poll();
    Set<PathElement> emitted = new HashSet<>();
    ArrayNode out = Json.MAPPER.createArrayNode();
    Schema items = Schemas.items(schema);
    int l = 0;
    int r = 0;
    while (l < leftOrder.size() || r < rightOrder.size()) {
      if (l < leftOrder.size() && r < rightOrder.size()) {
        PathElement element = leftOrder.get(l);
        if (element.equals(rightOrder.get(r))) {
          out.add(merge(items, path.child(element), left.get(element), right.get(element)));
          emitted.add(element);
          l++;
          r++;
          nextShared = shared.poll();
          continue;
        }
        if (right.containsKey(element) && nextShared != null && !nextShared.equals(element)) {
          l++;
          continue;
        }
      }
      if (l < leftOrder.size()) {
        PathElement element = leftOrder.get(l);
        if (!right.containsKey(element) || emitted.contains(element)) {
          if (!emitted.contains(element)) {
            out.add(left.get(element).deepCopy());
          }
          l++;
          continue;
        }
      }
      if (r < rightOrder.size()) {
        PathElement element = rightOrder.get(r);
        out.add(merge(items, path.child(element), left.get(element), right.get(element)));
        emitted.add(element);
        r++;
        if (element.equals(nextShared)) {
          nextShared = shared.poll();
        }
      }
    }
    return out;
  }
}
