package io.disponent.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.jsonpath.JsonPaths;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Builds {@code meta.k8s.io/v1} Tables, what {@code kubectl get} asks for, from stored objects. */
public final class TableBuilder {

  private TableBuilder() {}

  /**
   * A Table of a list.
   *
   * @param resourceVersion the list's resourceVersion (null or empty: omitted)
   * @param continueToken the list's continue token (null or empty: omitted)
   * @param noHeaders leave out {@code columnDefinitions} ({@code TableOptions.noHeaders})
   */
  public static ObjectNode list(ResourceType type, List<? extends JsonNode> objects, String resourceVersion,
      String continueToken, IncludeObject include, boolean noHeaders, Clock clock) {
    ObjectNode table = header(type, resourceVersion, continueToken, noHeaders);
    ArrayNode rows = table.putArray("rows");
    List<Column> columns = Column.of(type);
    Instant now = clock.instant();
    for (JsonNode object : objects) {
      rows.add(row(columns, object, include, now));
    }
    return table;
  }

  /**
   * A one-row Table of one object: a watch event's object when a Table was asked for, or a get.
   * Carries the object's resourceVersion.
   */
  public static ObjectNode single(ResourceType type, JsonNode object, IncludeObject include, boolean noHeaders,
      Clock clock) {
    String resourceVersion = object.path("metadata").path("resourceVersion").asText("");
    return list(type, List.of(object), resourceVersion, null, include, noHeaders, clock);
  }

  private static ObjectNode header(ResourceType type, String resourceVersion, String continueToken, boolean noHeaders) {
    ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      metadata.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      metadata.put("continue", continueToken);
    }
    if (!noHeaders) {
      ArrayNode definitions = table.putArray("columnDefinitions");
      Column.of(type).forEach(c -> definitions.add(c.definition()));
    }
    return table;
  }

  private static List<JsonNode> values(JsonNode object, String jsonPath) {
    try {
      return JsonPaths.evaluate(object, jsonPath);
    } catch (IllegalArgumentException e) {
      return List.of(); // a column path that does not parse shows <none>, as Kubernetes does
    }
  }

  private static ObjectNode row(List<Column> columns, JsonNode object, IncludeObject include, Instant now) {
    ObjectNode row = Json.object();
    ArrayNode cells = row.putArray("cells");
    for (Column column : columns) {
      if (column.jsonPath() == null) {
        cells.add(object.path("metadata").path("name").asText(""));
      } else {
        cells.add(Cells.cell(column.type(), values(object, column.jsonPath()), now));
      }
    }
    switch (include) {
      case METADATA:
        ObjectNode partial = row.putObject("object")
            .put("kind", "PartialObjectMetadata")
            .put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata").isObject() ? object.get("metadata").deepCopy() : Json.object());
        break;
      case OBJECT:
        row.set("object", object);
        break;
      default:
        break;
    }
    return row;
  }
}
