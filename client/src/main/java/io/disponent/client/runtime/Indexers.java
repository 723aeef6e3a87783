package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Ready-made index functions for {@link Informer#addIndex}. */
public final class Indexers {

  private Indexers() {}

  /** The text at a dotted path, e.g. {@code spec.nodeName}; absent or empty values index nothing. */
  public static Function<JsonNode, Collection<String>> byField(String dottedPath) {
    String[] parts = dottedPath.split("\\.");
    return obj -> {
      JsonNode n = obj;
      for (String p : parts) {
        n = n.path(p);
      }
      return n.isValueNode() && !n.asText().isEmpty() ? List.of(n.asText()) : List.of();
    };
  }

  /** The uid of every owner reference. */
  public static Function<JsonNode, Collection<String>> byOwnerUid() {
    return obj -> {
      List<String> uids = new ArrayList<>();
      obj.path("metadata").path("ownerReferences").forEach(r -> uids.add(r.path("uid").asText()));
      return uids;
    };
  }

  /** The value of one label. */
  public static Function<JsonNode, Collection<String>> byLabel(String label) {
    return obj -> {
      JsonNode v = obj.path("metadata").path("labels").path(label);
      return v.isTextual() ? List.of(v.asText()) : List.of();
    };
  }

  /** The namespace (cluster-scoped objects index nothing). */
  public static Function<JsonNode, Collection<String>> byNamespace() {
    return byField("metadata.namespace");
  }
}
