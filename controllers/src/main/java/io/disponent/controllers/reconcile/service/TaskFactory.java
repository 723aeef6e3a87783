package io.disponent.controllers.reconcile.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.TaskTemplate;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.Labels;

/** Builds the Task objects a Service owns: template labels and spec, owner reference, planner annotations. */
public final class TaskFactory {
  private TaskFactory() {}

  /**
   * A Task of {@code service} from {@code template}, named {@code <service>-<random>} by the server, not bound.
   */
  public static ObjectNode task(JsonNode service, TaskTemplate template, String revision, String replaces,
      int consecutiveFailures, String lastFailure) {
    return task(service, template, revision, replaces, consecutiveFailures, lastFailure, false);
  }

  /** As above; {@code afterHealthKill} marks a replacement of a Task killed for health. */
  public static ObjectNode task(JsonNode service, TaskTemplate template, String revision, String replaces,
      int consecutiveFailures, String lastFailure, boolean afterHealthKill) {
    ObjectNode t = Json.object().put("apiVersion", "disponent.io/v1").put("kind", "Task");
    ObjectNode meta = t.putObject("metadata");
    meta.put("generateName", Json.name(service) + "-").put("namespace", Json.namespace(service));
    ObjectNode labels = meta.putObject("labels");
    ObjectNode annotations = meta.putObject("annotations");
    if (template != null && template.metadata() != null) {
      if (template.metadata().getLabels() != null) {
        template.metadata().getLabels().forEach(labels::put);
      }
      if (template.metadata().getAnnotations() != null) {
        template.metadata().getAnnotations().forEach(annotations::put);
      }
    }
    labels.put(Labels.SERVICE, Json.name(service)).put(Labels.REVISION, revision);
    if (replaces != null) {
      annotations.put(Annotations.REPLACES, replaces);
    }
    if (afterHealthKill) {
      annotations.put(Annotations.AFTER_HEALTH_KILL, "true");
    }
    if (consecutiveFailures > 0) {
      annotations.put(Annotations.CONSECUTIVE_FAILURES, String.valueOf(consecutiveFailures));
    }
    if (lastFailure != null) {
      annotations.put(Annotations.LAST_FAILURE, lastFailure.length() > 1000 ? lastFailure.substring(0, 1000) : lastFailure);
    }
    meta.putArray("ownerReferences").addObject().put("apiVersion", "disponent.io/v1").put("kind", "Service")
        .put("name", Json.name(service)).put("uid", Json.uid(service)).put("controller", true)
        .put("blockOwnerDeletion", true);
    ObjectNode spec = template == null || template.spec() == null ? Json.object()
        : Models.tree(template.spec());
    spec.remove("nodeName");
    t.set("spec", spec);
    return t;
  }
}
