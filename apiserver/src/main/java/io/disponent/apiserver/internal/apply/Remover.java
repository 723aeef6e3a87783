package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.schema.Schema;
import java.util.Iterator;
import java.util.Map;

/** Removes the members of a field set, with everything below them, from an object. */
final class Remover {

  private Remover() {}

  /** A copy of {@code node} without the fields in {@code remove}. */
  static JsonNode remove(Schema schema, JsonNode node, FieldSet remove) {
    return remove.isEmpty() ? node.deepCopy() : remove(schema, FieldPath.ROOT, node, remove);
  }

  private static JsonNode remove(Schema schema, FieldPath path, JsonNode node, FieldSet remove) {
    if (!remove.hasDescendants(path) || !Schemas.granular(schema, path, node)) {
      return node.deepCopy();
    }
    if (node.isObject()) {
      ObjectNode out = Json.object();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        FieldPath child = path.field(field.getKey());
        if (!remove.contains(child)) {
          out.set(field.getKey(), remove(Schemas.field(schema, path, field.getKey()), child, field.getValue(), remove));
        }
      }
      return out;
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (int i = 0; i < node.size(); i++) {
      FieldPath child = path.child(Schemas.itemElement(schema, i, node.get(i)));
      if (!remove.contains(child)) {
        out.add(remove(Schemas.items(schema), child, node.get(i), remove));
      }
    }
    return out;
  }
}
