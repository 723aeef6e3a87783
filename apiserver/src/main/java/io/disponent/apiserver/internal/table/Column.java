package io.disponent.apiserver.internal.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * One Table column: its definition and where its cells come from ({@code jsonPath} null for Name).
 *
 * @param priority 0 for default columns, higher ones show only with {@code -o wide}
 */
public record Column(String name, String type, String format, String description, int priority, String jsonPath) {

  static final String NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating "
      + "resources, although some resources may allow a client to request the generation of an appropriate name "
      + "automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot "
      + "be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

  static final String CREATION_TIMESTAMP_DESCRIPTION = "CreationTimestamp is a timestamp representing the server "
      + "time when this object was created. It is not guaranteed to be set in happens-before order across separate "
      + "operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\n"
      + "Populated by the system. Read-only. Null for lists. More info: "
      + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

  /**
   * The columns Kubernetes serves for a CRD: Name, then the printer columns, or Age alone when
   * the CRD declares none.
   */
  public static List<Column> of(ResourceType type) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("Name", "string", "name", NAME_DESCRIPTION, 0, null));
    if (type.printerColumns().isEmpty()) {
      columns.add(new Column("Age", "date", "", CREATION_TIMESTAMP_DESCRIPTION, 0, ".metadata.creationTimestamp"));
    }
    for (ResourceType.PrinterColumn c : type.printerColumns()) {
      String description = c.description() == null || c.description().isEmpty()
          ? "Custom resource definition column (in JSONPath format): " + c.jsonPath()
          : c.description();
      columns.add(new Column(c.name(), c.type(), c.format() == null ? "" : c.format(), description,
          c.priority(), c.jsonPath()));
    }
    return columns;
  }

  /** The {@code columnDefinitions} entry; every field is present, as Kubernetes serializes it. */
  ObjectNode definition() {
    return Json.object()
        .put("name", name)
        .put("type", type)
        .put("format", format)
        .put("description", description)
        .put("priority", priority);
  }
}
