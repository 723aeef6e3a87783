package io.disponent.apiserver.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.schema.SchemaParser;
import java.util.ArrayList;
import java.util.List;

/** Turns a CustomResourceDefinition (as JSON) into the {@link ResourceType}s it serves. */
public final class ResourceTypes {

  private ResourceTypes() {}

  /** One type per served version, storage version included. */
  public static List<ResourceType> fromCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode accepted = crd.path("status").path("acceptedNames");
    // Served under the names the CRD was given (a later conflicting change leaves them as they were).
    JsonNode names = accepted.path("kind").asText("").isEmpty() ? spec.path("names") : accepted;
    String group = spec.path("group").asText("");
    boolean namespaced = "Namespaced".equals(spec.path("scope").asText());
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(false)) {
        continue;
      }
      JsonNode schemaJson = version.path("schema").path("openAPIV3Schema");
      JsonNode subresources = version.path("subresources");
      JsonNode scaleJson = subresources.get("scale");
      ResourceType.Scale scale = scaleJson == null || scaleJson.isNull() ? null : new ResourceType.Scale(
          scaleJson.path("specReplicasPath").asText(),
          scaleJson.path("statusReplicasPath").asText(),
          scaleJson.hasNonNull("labelSelectorPath") ? scaleJson.get("labelSelectorPath").asText() : null);
      List<ResourceType.PrinterColumn> columns = new ArrayList<>();
      for (JsonNode c : version.path("additionalPrinterColumns")) {
        columns.add(new ResourceType.PrinterColumn(c.path("name").asText(), c.path("type").asText("string"),
            c.hasNonNull("format") ? c.get("format").asText() : null,
            c.hasNonNull("description") ? c.get("description").asText() : null,
            c.path("priority").asInt(0), c.path("jsonPath").asText()));
      }
      List<String> selectable = new ArrayList<>();
      version.path("selectableFields").forEach(f -> selectable.add(f.path("jsonPath").asText()));
      types.add(new ResourceType(
          group,
          version.path("name").asText(),
          names.path("kind").asText(),
          names.path("listKind").asText(names.path("kind").asText() + "List"),
          names.path("plural").asText(),
          names.path("singular").asText(names.path("kind").asText().toLowerCase(java.util.Locale.ROOT)),
          texts(names.path("shortNames")),
          texts(names.path("categories")),
          namespaced,
          SchemaParser.parse(schemaJson.isMissingNode() ? null : schemaJson),
          schemaJson.isMissingNode() ? null : schemaJson,
          subresources.has("status"),
          scale,
          columns,
          selectable,
          version.path("storage").asBoolean(false),
          crd.path("metadata").path("name").asText()));
    }
    return types;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
