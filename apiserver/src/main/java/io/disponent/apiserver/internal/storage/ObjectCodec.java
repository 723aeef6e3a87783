package io.disponent.apiserver.internal.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.store.KeyValue;

/**
 * Objects are stored as JSON without {@code metadata.resourceVersion}: the store's modRevision is
 * the resourceVersion, set on the way out.
 */
public final class ObjectCodec {

  private ObjectCodec() {}

  public static byte[] encode(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode meta && meta.has("resourceVersion")) {
      ObjectNode copy = object.deepCopy();
      ((ObjectNode) copy.get("metadata")).remove("resourceVersion");
      return Json.bytes(copy);
    }
    return Json.bytes(object);
  }

  public static StoredObject decode(KeyValue kv) {
    ObjectNode object = (ObjectNode) Json.parse(kv.value());
    withResourceVersion(object, kv.modRevision());
    return new StoredObject(kv.key(), object, kv.modRevision());
  }

  public static ObjectNode withResourceVersion(ObjectNode object, long revision) {
    JsonNode metadata = object.get("metadata");
    ObjectNode meta = metadata instanceof ObjectNode m ? m : object.putObject("metadata");
    meta.put("resourceVersion", Long.toString(revision));
    return object;
  }
}
