package io.disponent.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The definitions of the Kubernetes kinds the server serves as they are (Namespace, Event, Lease,
 * CustomResourceDefinition), written as CRDs under {@code builtin/} so that the REST layer knows
 * no kind by code.
 */
public final class BuiltinCrds {

  private static final List<String> FILES =
      List.of("namespaces.yaml", "events.yaml", "events.events.k8s.io.yaml", "leases.yaml",
          "customresourcedefinitions.yaml");

  private BuiltinCrds() {}

  public static List<JsonNode> all() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> out = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = BuiltinCrds.class.getClassLoader().getResourceAsStream("builtin/" + file)) {
        if (in == null) {
          throw new IllegalStateException("apiserver: builtin/" + file + " missing from the classpath");
        }
        out.add(yaml.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("apiserver: cannot parse builtin/" + file, e);
      }
    }
    return out;
  }
}
