package io.disponent.apiserver.internal.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One object as read from the store, with {@code metadata.resourceVersion} set to its
 * modRevision. Shared between the watch cache, lists and watchers, so nobody mutates {@link
 * #object()}: writers deep-copy it first. The JSON form and the labels are computed once, on
 * first use.
 */
public final class StoredObject {

  private final String key;
  private final ObjectNode object;
  private final long revision;
  private volatile byte[] json;
  private volatile Map<String, String> labels;

  public StoredObject(String key, ObjectNode object, long revision) {
    this.key = key;
    this.object = object;
    this.revision = revision;
  }

  public String key() {
    return key;
  }

  /** The object; never mutate it. */
  public ObjectNode object() {
    return object;
  }

  /** A private copy to change. */
  public ObjectNode copy() {
    return object.deepCopy();
  }

  public long revision() {
    return revision;
  }

  public String name() {
    return object.path("metadata").path("name").asText();
  }

  public String namespace() {
    return object.path("metadata").path("namespace").asText("");
  }

  public byte[] json() {
    byte[] j = json;
    if (j == null) {
      j = Json.bytes(object);
      json = j;
    }
    return j;
  }

  public Map<String, String> labels() {
    Map<String, String> l = labels;
    if (l == null) {
      JsonNode node = object.path("metadata").path("labels");
      Map<String, String> m = new HashMap<>();
      node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
      l = Collections.unmodifiableMap(m);
      labels = l;
    }
    return l;
  }

  /** The same object as it was when deleted at {@code deleteRevision}. */
  public StoredObject deletedAt(long deleteRevision) {
    ObjectNode copy = object.deepCopy();
    ((ObjectNode) copy.path("metadata")).put("resourceVersion", Long.toString(deleteRevision));
    return new StoredObject(key, copy, deleteRevision);
  }
}
