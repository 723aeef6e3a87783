package io.disponent.apiserver.internal.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The apimachinery schemas every group-version document carries (ObjectMeta with Kubernetes'
 * descriptions, ListMeta, Status, Patch, DeleteOptions) and autoscaling/v1 Scale, from
 * {@code meta-schemas.json}.
 */
final class MetaSchemas {

  private static final ObjectNode ALL = load();

  private MetaSchemas() {}

  /** A fresh copy of the schemas, keyed by name; those of autoscaling are left out unless asked for. */
  static ObjectNode schemas(boolean withScale) {
    ObjectNode copy = ALL.deepCopy();
    if (!withScale) {
      copy.properties().removeIf(e -> e.getKey().startsWith("io.k8s.api.autoscaling."));
    }
    return copy;
  }

  private static ObjectNode load() {
    try (InputStream in = MetaSchemas.class.getResourceAsStream("meta-schemas.json")) {
      if (in == null) {
        throw new IllegalStateException("meta-schemas.json missing from the classpath");
      }
      return (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
