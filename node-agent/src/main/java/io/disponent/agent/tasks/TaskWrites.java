package io.disponent.agent.tasks;

import static io.disponent.agent.tasks.TaskJson.hasFinalizer;
import static io.disponent.agent.tasks.TaskJson.name;
import static io.disponent.agent.tasks.TaskJson.ns;
import static io.disponent.agent.tasks.TaskJson.uid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.vocab.Finalizers;

/** The agent's writes to a Task: its finalizer and its status (merge patches). Failures throw {@link io.disponent.client.ApiException}. */
final class TaskWrites {
  private static final int FINALIZER_ATTEMPTS = 5;
  private final ApiClient client;

  TaskWrites(ApiClient client) {
    this.client = client;
  }

  /**
   * Adds the agent's finalizer, guarded by the resourceVersion (the list replaces the whole
   * array); the control plane often writes the Task just after binding it, so a conflict is
   * retried at once on a fresh copy rather than on the next pass. Returns the Task as written.
   */
  JsonNode addFinalizer(JsonNode task) {
    String uid = uid(task);
    for (int attempt = 1; ; attempt++) {
      if (hasFinalizer(task)) {
        return task;
      }
      ArrayNode fins = Models.MAPPER.createArrayNode();
      task.path("metadata").path("finalizers").forEach(fins::add);
      fins.add(Finalizers.AGENT);
      ObjectNode patch = Models.MAPPER.createObjectNode();
      patch.putObject("metadata").set("finalizers", fins);
      ((ObjectNode) patch.get("metadata")).put("resourceVersion", task.path("metadata").path("resourceVersion").asText());
      try {
        return client.patch(Gvr.TASKS, ns(task), name(task), PatchType.MERGE, patch);
      } catch (ConflictException e) {
        JsonNode fresh = client.get(Gvr.TASKS, ns(task), name(task));
        if (attempt == FINALIZER_ATTEMPTS || !uid.equals(uid(fresh))
            || fresh.path("metadata").hasNonNull("deletionTimestamp")) {
          throw e; // still racing, deleted meanwhile, or a new Task of the same name: the next pass decides
        }
        task = fresh;
      }
    }
  }

  /** Removes the agent's finalizer if the Task has it; a Task deleted meanwhile is fine. */
  void removeFinalizer(JsonNode task) {
    if (!hasFinalizer(task)) {
      return;
    }
    ArrayNode rest = Models.MAPPER.createArrayNode();
    task.path("metadata").path("finalizers").forEach(f -> {
      if (!Finalizers.AGENT.equals(f.asText())) {
        rest.add(f);
      }
    });
    ObjectNode patch = Models.MAPPER.createObjectNode();
    patch.putObject("metadata").set("finalizers", rest);
    try {
      client.patch(Gvr.TASKS, ns(task), name(task), PatchType.MERGE, patch);
    } catch (NotFoundException gone) {
      // deleted meanwhile: nothing holds it
    }
  }

  /** Merges {@code status} (its null fields are left alone) into the Task's status; returns the Task as written. */
  JsonNode patchStatus(JsonNode task, TaskStatus status) {
    ObjectNode patch = Models.MAPPER.createObjectNode();
    patch.set("status", Models.tree(status));
    return client.patchStatus(Gvr.TASKS, ns(task), name(task), PatchType.MERGE, patch);
  }
}
