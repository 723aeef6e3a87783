package io.disponent.apiserver.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.ArrayList;
import java.util.List;

/**
 * What Kubernetes requires of an Event created through {@code events.k8s.io/v1}
 * ({@code ValidateEventCreate}), beyond what the core schema checks: an eventTime, a type of
 * Normal or Warning, the reporting controller and instance, an action and a reason, and none of
 * the deprecated core fields. Checked on the core form, with Kubernetes' field names.
 */
public final class EventsV1Checks {

  static final int REPORTING_INSTANCE_LIMIT = 128;
  static final int ACTION_LIMIT = 128;
  static final int REASON_LIMIT = 128;

  private EventsV1Checks() {}

  /** Every cause that makes {@code core} (converted from an events.k8s.io/v1 create) invalid. */
  public static List<StatusCause> create(JsonNode core) {
    List<StatusCause> out = new ArrayList<>();
    if (text(core, "eventTime").isEmpty()) {
      out.add(StatusCause.required("eventTime"));
    }
    String type = text(core, "type");
    if (!type.equals("Normal") && !type.equals("Warning")) {
      out.add(StatusCause.invalid("type", "", "has invalid value: " + type));
    }
    for (String unset : List.of("firstTimestamp", "lastTimestamp")) {
      if (!text(core, unset).isEmpty()) {
        out.add(StatusCause.invalid(unset, "", "needs to be unset"));
      }
    }
    if (core.path("count").asLong(0) != 0) {
      out.add(StatusCause.invalid("count", "", "needs to be unset"));
    }
    if (!text(core.path("source"), "component").isEmpty() || !text(core.path("source"), "host").isEmpty()) {
      out.add(StatusCause.invalid("source", "", "needs to be unset"));
    }
    if (text(core, "reportingComponent").isEmpty()) {
      out.add(StatusCause.required("reportingController"));
    }
    limited(core, "reportingInstance", REPORTING_INSTANCE_LIMIT, out);
    limited(core, "action", ACTION_LIMIT, out);
    limited(core, "reason", REASON_LIMIT, out);
    return out;
  }

  private static void limited(JsonNode core, String field, int limit, List<StatusCause> out) {
    String v = text(core, field);
    if (v.isEmpty()) {
      out.add(StatusCause.required(field));
    } else if (v.length() > limit) {
      out.add(StatusCause.invalid(field, "", "can have at most " + limit + " characters"));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() ? v.asText("") : "";
  }
}
