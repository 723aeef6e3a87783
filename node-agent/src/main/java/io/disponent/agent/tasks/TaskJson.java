package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.runtime.TaskId;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.vocab.Finalizers;
import io.disponent.crds.vocab.Labels;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of a Task object (as the informer and the API client hand it out) that the agent needs. Pure. */
final class TaskJson {
  private TaskJson() {}

  static String uid(JsonNode t) {
    return t.path("metadata").path("uid").asText();
  }

  static String ns(JsonNode t) {
    return t.path("metadata").path("namespace").asText();
  }

  static String name(JsonNode t) {
    return t.path("metadata").path("name").asText();
  }

  static TaskId id(JsonNode t) {
    return new TaskId(ns(t), name(t), uid(t));
  }

  static long generation(JsonNode t) {
    return t.path("metadata").path("generation").asLong(1);
  }

  static boolean hasFinalizer(JsonNode t) {
    for (JsonNode f : t.path("metadata").path("finalizers")) {
      if (Finalizers.AGENT.equals(f.asText())) {
        return true;
      }
    }
    return false;
  }

  /** The planner's view of each Task. */
  static List<TaskPlanner.ApiTask> views(Collection<JsonNode> tasks) {
    return tasks.stream().map(t -> new TaskPlanner.ApiTask(uid(t), t.path("status").path("state").asText(null),
        t.path("metadata").hasNonNull("deletionTimestamp"), hasFinalizer(t))).toList();
  }

  /** The host port of each of the spec's ports that has one, by name ({@code port<i>} without), in spec order. */
  static Map<String, Integer> hostPorts(TaskSpec spec) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (spec.ports() != null) {
      for (int i = 0; i < spec.ports().size(); i++) {
        PortSpec p = spec.ports().get(i);
        if (p.hostPort() != null) {
          out.put(p.name() == null ? "port" + i : p.name(), p.hostPort());
        }
      }
    }
    return out;
  }

  /** The owning Service: the service label, else a Service owner reference; null for a task created alone. */
  static String serviceName(JsonNode task) {
    String label = task.path("metadata").path("labels").path(Labels.SERVICE).asText("");
    if (!label.isEmpty()) {
      return label;
    }
    for (JsonNode o : task.path("metadata").path("ownerReferences")) {
      if ("Service".equals(o.path("kind").asText())) {
        return o.path("name").asText();
      }
    }
    return null;
  }

  /** A status timestamp: ISO-8601 in whole seconds. */
  static String ts(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
