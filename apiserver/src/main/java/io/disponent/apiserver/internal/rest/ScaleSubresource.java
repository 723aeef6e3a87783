package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.jsonpath.JsonPaths;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.List;

/** The {@code autoscaling/v1} Scale view of an object with a scale subresource. Pure. */
public final class ScaleSubresource {

  private ScaleSubresource() {}

  public static ObjectNode toScale(ResourceType type, JsonNode obj) {
    ResourceType.Scale scale = require(type);
    ObjectNode s = Json.object();
    s.put("kind", "Scale");
    s.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = s.putObject("metadata");
    JsonNode m = obj.path("metadata");
    for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (m.has(f)) {
        meta.set(f, m.get(f));
      }
    }
    s.putObject("spec").put("replicas", JsonPaths.simple(obj, scale.specReplicasPath()).asInt(0));
    ObjectNode status = s.putObject("status");
    status.put("replicas", JsonPaths.simple(obj, scale.statusReplicasPath()).asInt(0));
    if (scale.labelSelectorPath() != null) {
      JsonNode sel = JsonPaths.simple(obj, scale.labelSelectorPath());
      if (sel.isTextual()) {
        status.put("selector", sel.asText());
      }
    }
    return s;
  }

  /** The object with its replica count taken from {@code scaleObj}; {@code obj} is not changed. */
  public static ObjectNode applyScale(ResourceType type, ObjectNode obj, JsonNode scaleObj) {
    ResourceType.Scale scale = require(type);
    JsonNode replicas = scaleObj.path("spec").path("replicas");
    String name = obj.path("metadata").path("name").asText();
    if (!replicas.isIntegralNumber() || replicas.asLong() < 0 || replicas.asLong() > Integer.MAX_VALUE) {
      throw ApiException.invalid("autoscaling", "Scale", "Scale.autoscaling", name,
          List.of(StatusCause.invalid("spec.replicas", replicas, "must be greater than or equal to 0")));
    }
    ObjectNode copy = obj.deepCopy();
    JsonPaths.set(copy, scale.specReplicasPath(), copy.numberNode(replicas.asInt()));
    return copy;
  }

  private static ResourceType.Scale require(ResourceType type) {
    if (type.scale() == null) {
      throw ApiException.notFound("the server could not find the requested resource");
    }
    return type.scale();
  }
}
