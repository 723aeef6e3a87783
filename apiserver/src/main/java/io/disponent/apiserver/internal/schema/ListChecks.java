package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.ArrayList;
import java.util.List;

/**
 * Uniqueness of {@code x-kubernetes-list-type: set} and {@code map} lists, as apiextensions'
 * {@code listtype} validation: every later duplicate is reported at its index.
 */
final class ListChecks {

  private ListChecks() {}

  static void check(Schema s, JsonNode list, FieldPath path, List<StatusCause> out) {
    if (s.isSetList()) {
      for (int i : laterDuplicates(toList(list))) {
        JsonNode item = list.get(i);
        out.add(StatusCause.duplicate(path.index(i).toString(), item.isContainerNode() ? new GoValue(item) : item));
      }
    } else if (s.isMapList() && !s.listMapKeys().isEmpty()) {
      map(s, list, path, out);
    }
  }

  private static void map(Schema s, JsonNode list, FieldPath path, List<StatusCause> out) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isObject() && !item.isNull()) {
        out.add(StatusCause.invalid(path.index(i).toString(), item, "must be an object for an array of list-type map"));
        return;
      }
    }
    List<JsonNode> keys = new ArrayList<>();
    for (JsonNode item : list) {
      keys.add(key(s, item));
    }
    for (int i : laterDuplicates(keys)) {
      out.add(StatusCause.duplicate(path.index(i).toString(), new GoValue(keys.get(i))));
    }
  }

  /** The key fields of a map-list item (defaults standing in for absent keys); {} for null. */
  static ObjectNode key(Schema s, JsonNode item) {
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    if (item == null || !item.isObject()) {
      return key;
    }
    for (String k : s.listMapKeys()) {
      JsonNode v = item.get(k);
      if (v == null && s.items() != null && s.items().properties().get(k) != null) {
        v = s.items().properties().get(k).defaultValue();
      }
      if (v != null) {
        key.set(k, v);
      }
    }
    return key;
  }

  /** The element of {@code old} (a map list) with the same key as {@code item}, or null. */
  static JsonNode correlateByKey(Schema s, JsonNode item, JsonNode old) {
    if (old == null || !old.isArray()) {
      return null;
    }
    ObjectNode key = key(s, item);
    for (JsonNode o : old) {
      if (JsonEquality.equal(key(s, o), key)) {
        return o;
      }
    }
    return null;
  }

  /** The element of {@code old} (a set list) equal to {@code item}, or null. */
  static JsonNode correlateByValue(JsonNode item, JsonNode old) {
    if (old == null || !old.isArray()) {
      return null;
    }
    for (JsonNode o : old) {
      if (JsonEquality.equal(o, item)) {
        return o;
      }
    }
    return null;
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static List<Integer> laterDuplicates(List<JsonNode> items) {
    List<Integer> dups = new ArrayList<>();
    for (int i = 1; i < items.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (JsonEquality.equal(items.get(i), items.get(j))) {
          dups.add(i);
          break;
        }
      }
    }
    return dups;
  }
}
