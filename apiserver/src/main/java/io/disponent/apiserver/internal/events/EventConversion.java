package io.disponent.apiserver.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code events.k8s.io/v1} Event to and from the stored core {@code v1} Event, field for field as
 * Kubernetes converts them ({@code pkg/apis/events/v1/conversion.go}): regarding is
 * involvedObject, note is message, reportingController is reportingComponent, deprecatedSource,
 * deprecatedCount, deprecatedFirstTimestamp and deprecatedLastTimestamp are source, count,
 * firstTimestamp and lastTimestamp; metadata, eventTime, series, action, reason, type, related and
 * reportingInstance keep their names. Pure; the input is not changed.
 */
public final class EventConversion {

  public static final String API_VERSION = "events.k8s.io/v1";
  public static final String CORE_API_VERSION = "v1";

  /** events.k8s.io/v1 field name -> core v1 field name, for the fields that are renamed. */
  private static final Map<String, String> RENAMED = Map.of(
      "regarding", "involvedObject",
      "note", "message",
      "reportingController", "reportingComponent",
      "deprecatedSource", "source",
      "deprecatedCount", "count",
      "deprecatedFirstTimestamp", "firstTimestamp",
      "deprecatedLastTimestamp", "lastTimestamp");

  private static final Map<String, String> TO_EVENTS_V1 = RENAMED.entrySet().stream()
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

  private EventConversion() {}

  /** A core v1 Event as an events.k8s.io/v1 Event. */
  public static ObjectNode toEventsV1(JsonNode core) {
    return convert(core, API_VERSION, false);
  }

  /** An events.k8s.io/v1 Event as the core v1 Event it is stored as. */
  public static ObjectNode toCore(JsonNode event) {
    return convert(event, CORE_API_VERSION, true);
  }

  /**
   * Renames field by field, keeping their order; a field of the other version's name (unknown in
   * this one) is dropped, as pruning would drop it.
   */
  private static ObjectNode convert(JsonNode in, String apiVersion, boolean toCore) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("apiVersion", apiVersion);
    out.put("kind", "Event");
    in.fields().forEachRemaining(e -> {
      String name = e.getKey();
      if (name.equals("apiVersion") || name.equals("kind")) {
        return;
      }
      String renamed = toCore ? RENAMED.get(name) : TO_EVENTS_V1.get(name);
      boolean otherVersions = toCore ? TO_EVENTS_V1.containsKey(name) : RENAMED.containsKey(name);
      if (!otherVersions) {
        out.set(renamed == null ? name : renamed, e.getValue().deepCopy());
      }
    });
    return out;
  }
}
