package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** YAML fixtures: the Disponent CRDs from the classpath, and inline schemas and objects. */
final class TestSchemas {

  static final String[] CRDS = {
    "tasks.disponent.io", "services.disponent.io", "nodes.disponent.io", "packages.disponent.io",
    "repositories.disponent.io"
  };

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TestSchemas() {}

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String text) {
    return (ObjectNode) yaml(text);
  }

  static Schema schema(String text) {
    return SchemaParser.parse(yaml(text));
  }

  static ObjectNode crd(String name) {
    try (InputStream in = TestSchemas.class.getResourceAsStream("/crds/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("no CRD " + name + " on the classpath");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Schema crdSchema(String name) {
    return SchemaParser.parse(crd(name).path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema"));
  }
}
