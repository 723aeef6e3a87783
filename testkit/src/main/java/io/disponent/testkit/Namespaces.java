package io.disponent.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;

/** Namespace objects, and creating one that may exist already. */
public final class Namespaces {
  private Namespaces() {}

  public static ObjectNode namespace(String name) {
    return Manifests.object("v1", "Namespace", null, name);
  }

  public static void ensure(ApiClient client, String name) {
    try {
      client.create(Gvr.NAMESPACES, null, namespace(name));
    } catch (ConflictException exists) {
      // fine
    }
  }
}
