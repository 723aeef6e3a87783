package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code fieldsV1} format of {@code metadata.managedFields}: a tree keyed by {@link
 * PathElement#fieldsV1Key()}, {@code {}} for a member leaf, and {@code ".": {}} inside the object of
 * a path that is a member and also has members below it.
 */
public final class FieldsV1 {

  private FieldsV1() {}

  /** The tree of {@code set}, keys in structured-merge-diff order with {@code "."} first. */
  public static ObjectNode encode(FieldSet set) {
    Node root = new Node();
    for (FieldPath path : set.paths()) {
      Node node = root;
      for (PathElement element : path.elements()) {
        node = node.children.computeIfAbsent(element, e -> new Node());
      }
      node.member = true;
    }
    return root.write();
  }

  /**
   * The set a {@code fieldsV1} tree describes.
   *
   * @throws IllegalArgumentException when {@code tree} is not a valid {@code fieldsV1} tree
   */
  public static FieldSet decode(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("fieldsV1 must be an object");
    }
    java.util.List<FieldPath> paths = new java.util.ArrayList<>();
    decode(tree, FieldPath.ROOT, paths);
    return FieldSet.of(paths);
  }

  private static void decode(JsonNode tree, FieldPath prefix, java.util.List<FieldPath> out) {
    Iterator<Map.Entry<String, JsonNode>> entries = tree.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      JsonNode value = entry.getValue();
      if (!value.isObject()) {
        throw new IllegalArgumentException("fieldsV1 values must be objects, not " + value + " at " + entry.getKey());
      }
      if (entry.getKey().equals(".")) {
        if (prefix.isRoot() || value.size() != 0) {
          throw new IllegalArgumentException("misplaced \".\" in fieldsV1 at " + prefix);
        }
        out.add(prefix);
        continue;
      }
      FieldPath path = prefix.child(PathElement.parseFieldsV1Key(entry.getKey()));
      if (value.size() == 0) {
        out.add(path);
      } else {
        decode(value, path, out);
      }
    }
  }

  private static final class Node {
    boolean member;
    final TreeMap<PathElement, Node> children = new TreeMap<>();

    ObjectNode write() {
      ObjectNode out = Json.object();
      if (member && !children.isEmpty()) {
        out.putObject(".");
      }
      children.forEach((element, child) -> out.set(element.fieldsV1Key(), child.write()));
      return out;
    }
  }
}
