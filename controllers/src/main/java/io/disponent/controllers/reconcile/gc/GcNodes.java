package io.disponent.controllers.reconcile.gc;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.ApiResource;
import io.disponent.controllers.plan.gc.GcNode;
import io.disponent.controllers.plan.gc.OwnerRef;
import io.disponent.controllers.reconcile.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Reads the collector's view of an object from its JSON. */
final class GcNodes {
  private GcNodes() {}

  static GcNode of(ApiResource resource, JsonNode object) {
    JsonNode meta = object.path("metadata");
    List<OwnerRef> owners = new ArrayList<>();
    for (JsonNode r : meta.path("ownerReferences")) {
      owners.add(new OwnerRef(r.path("uid").asText(), r.path("apiVersion").asText(), r.path("kind").asText(),
          r.path("name").asText(), r.path("blockOwnerDeletion").asBoolean(false)));
    }
    String ns = meta.path("namespace").asText("");
    return new GcNode(resource.gvr(), resource.kind(), ns.isEmpty() ? null : ns, Json.name(object),
        Json.uid(object), Json.deleting(object), new HashSet<>(Json.finalizers(object)), owners);
  }
}
