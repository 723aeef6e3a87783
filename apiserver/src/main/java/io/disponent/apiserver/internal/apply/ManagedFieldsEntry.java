package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code metadata.managedFields}: the fields one manager owns through one kind of
 * operation.
 *
 * @param apiVersion the version the fields are named in
 * @param time when the manager last changed the object (RFC 3339, whole seconds); may be null
 * @param fieldsType always {@value #FIELDS_V1}
 * @param subresource {@code ""} for the main resource, e.g. {@code status}
 */
public record ManagedFieldsEntry(
    String manager,
    Operation operation,
    String apiVersion,
    Instant time,
    String fieldsType,
    FieldSet fieldsV1,
    String subresource) {

  public static final String FIELDS_V1 = "FieldsV1";

  /** Apply for server-side apply, Update for every other write. */
  public enum Operation {
    Apply, Update
  }

  /** Kubernetes' order: Apply before Update, then by time, manager, apiVersion and subresource. */
  public static final Comparator<ManagedFieldsEntry> ORDER = Comparator
      .comparing(ManagedFieldsEntry::operation, Comparator.comparing(Operation::name))
      .thenComparing(e -> e.time() == null ? 0 : e.time().getEpochSecond())
      .thenComparing(ManagedFieldsEntry::manager)
      .thenComparing(e -> e.apiVersion() == null ? "" : e.apiVersion())
      .thenComparing(ManagedFieldsEntry::subresource);

  public ManagedFieldsEntry {
    Objects.requireNonNull(manager, "manager");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(fieldsV1, "fieldsV1");
    fieldsType = fieldsType == null ? FIELDS_V1 : fieldsType;
    subresource = subresource == null ? "" : subresource;
    time = time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
  }

  public static ManagedFieldsEntry of(String manager, Operation operation, String apiVersion, Instant time,
      FieldSet fields, String subresource) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, time, FIELDS_V1, fields, subresource);
  }

  public ManagedFieldsEntry withFields(FieldSet fields) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, time, fieldsType, fields, subresource);
  }

  public ManagedFieldsEntry withFields(FieldSet fields, Instant time) {
    return new ManagedFieldsEntry(manager, operation, apiVersion, time, fieldsType, fields, subresource);
  }

  /**
   * Whether {@code other} is the same manager as this one, as Kubernetes identifies managers: by
   * name, operation and subresource, and for Update also by apiVersion.
   */
  public boolean sameManager(ManagedFieldsEntry other) {
    return manager.equals(other.manager) && operation == other.operation && subresource.equals(other.subresource)
        && (operation == Operation.Apply || Objects.equals(apiVersion, other.apiVersion));
  }

  /** The JSON of this entry, members in Kubernetes' order. */
  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("manager", manager);
    out.put("operation", operation.name());
    if (apiVersion != null) {
      out.put("apiVersion", apiVersion);
    }
    if (time != null) {
      out.put("time", time.toString());
    }
    out.put("fieldsType", fieldsType);
    out.set("fieldsV1", FieldsV1.encode(fieldsV1));
    if (!subresource.isEmpty()) {
      out.put("subresource", subresource);
    }
    return out;
  }

  /**
   * Parses one entry.
   *
   * @throws IllegalArgumentException when {@code json} is not a valid entry
   */
  public static ManagedFieldsEntry fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a managedFields entry must be an object");
    }
    String operation = text(json, "operation");
    if (!"Apply".equals(operation) && !"Update".equals(operation)) {
      throw new IllegalArgumentException("unknown managedFields operation: " + operation);
    }
    String fieldsType = text(json, "fieldsType");
    if (!FIELDS_V1.equals(fieldsType)) {
      throw new IllegalArgumentException("unsupported fieldsType: " + fieldsType);
    }
    String time = text(json, "time");
    Instant instant;
    try {
      instant = time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad managedFields time: " + time, e);
    }
    String manager = text(json, "manager");
    return new ManagedFieldsEntry(manager == null ? "" : manager, Operation.valueOf(operation),
        text(json, "apiVersion"), instant, fieldsType, FieldsV1.decode(json.path("fieldsV1")),
        text(json, "subresource"));
  }

  /**
   * The entries in {@code metadata.managedFields} of {@code object}; none when absent.
   *
   * @throws IllegalArgumentException when the list is not valid
   */
  public static List<ManagedFieldsEntry> read(JsonNode object) {
    JsonNode list = object == null ? null : object.path("metadata").get("managedFields");
    if (list == null || list.isNull()) {
      return List.of();
    }
    return readList(list);
  }

  /** As {@link #read}, but an invalid list reads as none (Kubernetes resets such a list). */
  public static List<ManagedFieldsEntry> readOrEmpty(JsonNode object) {
    try {
      return read(object);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  static List<ManagedFieldsEntry> readList(JsonNode list) {
    if (!list.isArray()) {
      throw new IllegalArgumentException("metadata.managedFields must be a list");
    }
    List<ManagedFieldsEntry> entries = new ArrayList<>();
    list.forEach(e -> entries.add(fromJson(e)));
    return List.copyOf(entries);
  }

  /**
   * Sets {@code metadata.managedFields} of {@code object} to {@code entries} in Kubernetes' order,
   * or removes it when there are none.
   */
  public static void write(ObjectNode object, List<ManagedFieldsEntry> entries) {
    JsonNode metadata = object.get("metadata");
    if (entries.isEmpty()) {
      if (metadata instanceof ObjectNode m) {
        m.remove("managedFields");
      }
      return;
    }
    ObjectNode meta = metadata instanceof ObjectNode m ? m : object.putObject("metadata");
    ArrayNode list = meta.putArray("managedFields");
    entries.stream().sorted(ORDER).forEach(e -> list.add(e.toJson()));
  }

  private static String text(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("managedFields " + name + " must be a string");
    }
    return value.asText();
  }
}
