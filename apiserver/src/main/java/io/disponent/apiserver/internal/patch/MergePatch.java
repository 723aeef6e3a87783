package io.disponent.apiserver.internal.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/** JSON merge patch (RFC 7386). */
public final class MergePatch {

  private MergePatch() {}

  /**
   * The result of applying {@code patch} to {@code target}; neither is modified. A patch that is
   * not an object replaces the target; {@code null} members delete; objects merge recursively.
   *
   * @param target the document to patch; null is treated as absent
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    Objects.requireNonNull(patch, "patch");
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }
}
