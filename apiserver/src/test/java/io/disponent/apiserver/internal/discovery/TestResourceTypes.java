package io.disponent.apiserver.internal.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.crds.Crds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Resource types built from the project's real CRDs (plus a core Namespace), for tests. */
public final class TestResourceTypes {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TestResourceTypes() {}

  /** Every disponent.io kind plus core {@code v1 Namespace}. */
  public static List<ResourceType> all() {
    List<ResourceType> types = new ArrayList<>();
    types.add(namespace());
    for (String name : Crds.resourceNames()) {
      types.add(fromCrd(name));
    }
    return List.copyOf(types);
  }

  public static ResourceType named(String plural) {
    return all().stream().filter(t -> t.plural().equals(plural)).findFirst().orElseThrow();
  }

  public static ResourceType namespace() {
    return new ResourceType("", "v1", "Namespace", "NamespaceList", "namespaces", "namespace",
        List.of("ns"), List.of(), false, null,
        parse("{\"type\":\"object\",\"description\":\"Namespace provides a scope for Names.\","
            + "\"properties\":{\"apiVersion\":{\"type\":\"string\"},\"kind\":{\"type\":\"string\"},"
            + "\"metadata\":{\"type\":\"object\"}}}"),
        false, null, List.of(), List.of(), true, "namespaces");
  }

  /** A CRD file ({@code services.disponent.io.yaml}) as the registry would serve its first version. */
  public static ResourceType fromCrd(String file) {
    JsonNode crd;
    try (InputStream in = Crds.open(file)) {
      crd = YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode spec = crd.get("spec");
    JsonNode names = spec.get("names");
    JsonNode version = spec.get("versions").get(0);
    JsonNode scaleNode = version.path("subresources").get("scale");
    ResourceType.Scale scale = scaleNode == null ? null : new ResourceType.Scale(
        scaleNode.path("specReplicasPath").asText(), scaleNode.path("statusReplicasPath").asText(),
        scaleNode.path("labelSelectorPath").asText(null));
    List<ResourceType.PrinterColumn> columns = new ArrayList<>();
    version.path("additionalPrinterColumns").forEach(c -> columns.add(new ResourceType.PrinterColumn(
        c.get("name").asText(), c.get("type").asText(), c.path("format").asText(null),
        c.path("description").asText(null), c.path("priority").asInt(0), c.get("jsonPath").asText())));
    List<String> selectable = new ArrayList<>();
    version.path("selectableFields").forEach(f -> selectable.add(f.get("jsonPath").asText()));
    return new ResourceType(spec.get("group").asText(), version.get("name").asText(),
        names.get("kind").asText(), names.get("listKind").asText(), names.get("plural").asText(),
        names.get("singular").asText(), strings(names.get("shortNames")), strings(names.get("categories")),
        spec.get("scope").asText().equals("Namespaced"), null,
        version.get("schema").get("openAPIV3Schema"), version.path("subresources").has("status"),
        scale, columns, selectable, version.path("storage").asBoolean(), crd.get("metadata").get("name").asText());
  }

  /** A copy of {@code type} served under another version. */
  public static ResourceType withVersion(ResourceType type, String version, boolean storage) {
    return new ResourceType(type.group(), version, type.kind(), type.listKind(), type.plural(), type.singular(),
        type.shortNames(), type.categories(), type.namespaced(), type.schema(), type.openApiSchema(),
        type.statusSubresource(), type.scale(), type.printerColumns(), type.selectableFields(), storage,
        type.crdName());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  private static JsonNode parse(String json) {
    try {
      return YAML.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
