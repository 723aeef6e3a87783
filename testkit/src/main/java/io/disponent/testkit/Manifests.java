package io.disponent.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.crds.model.Models;

/** The envelope every builder starts from. */
final class Manifests {
  private Manifests() {}

  /** {@code apiVersion}, {@code kind} and {@code metadata} with the name, and the namespace unless null. */
  static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode o = Models.MAPPER.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
    ObjectNode meta = o.putObject("metadata").put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    return o;
  }
}
