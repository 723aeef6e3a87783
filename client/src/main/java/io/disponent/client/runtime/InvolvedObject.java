package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** The object an Event is about, as the Event's {@code involvedObject} names it; absent parts are null. */
public record InvolvedObject(String apiVersion, String kind, String namespace, String name, String uid,
    String resourceVersion) {

  /** From an object's apiVersion, kind and metadata. */
  public static InvolvedObject of(JsonNode object) {
    JsonNode meta = object.path("metadata");
    return new InvolvedObject(text(object.path("apiVersion")), text(object.path("kind")),
        text(meta.path("namespace")), text(meta.path("name")), text(meta.path("uid")),
        text(meta.path("resourceVersion")));
  }

  private static String text(JsonNode n) {
    return n.isValueNode() && !n.asText().isEmpty() ? n.asText() : null;
  }
}
