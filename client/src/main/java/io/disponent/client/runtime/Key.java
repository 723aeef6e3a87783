package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** What a reconciler is handed: an object's namespace (null when cluster-scoped) and name. */
public record Key(String namespace, String name) {

  public static Key of(JsonNode object) {
    JsonNode meta = object.path("metadata");
    String ns = meta.path("namespace").asText("");
    return new Key(ns.isEmpty() ? null : ns, meta.path("name").asText());
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
