package io.disponent.apiserver.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.jsonpath.JsonPaths;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.apiserver.selector.FieldSelector;
import io.disponent.apiserver.selector.LabelSelector;

/**
 * Which objects a list or watch wants: a namespace (null for all), a label selector and a field
 * selector over {@code metadata.name}, {@code metadata.namespace} and the kind's selectable fields
 * (null selectors match everything).
 */
public record WatchFilter(String namespace, LabelSelector labels, FieldSelector fields) {

  public static WatchFilter everything(String namespace) {
    return new WatchFilter(namespace, null, null);
  }

  public boolean matches(StoredObject o) {
    if (namespace != null && !namespace.equals(o.namespace())) {
      return false;
    }
    if (labels != null && !labels.isEmpty() && !labels.matches(o.labels())) {
      return false;
    }
    return fields == null || fields.isEmpty() || fields.matches(field -> fieldValue(o, field));
  }

  /** A field's value for field selectors: its text, or "" when absent. */
  static String fieldValue(StoredObject o, String field) {
    switch (field) {
      case "metadata.name":
        return o.name();
      case "metadata.namespace":
        return o.namespace();
      default:
        JsonNode node = JsonPaths.simple(o.object(), field);
        return node.isValueNode() ? node.asText() : "";
    }
  }
}
