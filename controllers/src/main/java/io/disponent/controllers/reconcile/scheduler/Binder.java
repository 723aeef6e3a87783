package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.ResourceClient;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.controllers.plan.Conditions;
import io.disponent.controllers.plan.placement.PlacementResult;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Condition;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Finalizers;
import java.time.Clock;
import java.util.List;

/**
 * Binds a reserved Task: a compare-and-swap update of {@code spec.nodeName}, the host ports and the agent's
 * finalizer against the resourceVersion the placement was planned on (re-read on conflict; someone else's
 * bind wins), then
 * {@code Scheduled=True} with the ports in status, and a {@code Scheduled} Event (written in the background by
 * the recorder, which may drop it when it is behind: Events are hints, the condition is the record).
 */
final class Binder {
  private static final int ATTEMPTS = 5;

  private final ResourceClient client;
  private final Clock clock;
  private final EventRecorder events;

  Binder(ResourceClient client, Clock clock, EventRecorder events) {
    this.client = client;
    this.clock = clock;
    this.events = events;
  }

  /** Whether this call bound {@code task} as placed. */
  boolean bind(JsonNode task, PlacementResult.Placed placed) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      ObjectNode t = task.deepCopy();
      ObjectNode spec = t.withObject("/spec");
      spec.put("nodeName", placed.node());
      JsonNode ports = spec.path("ports");
      for (int i = 0; i < ports.size() && i < placed.ports().size(); i++) {
        ((ObjectNode) ports.get(i)).put("hostPort", placed.ports().get(i).hostPort());
      }
      // the agent's finalizer comes with the bind: the agent then starts without a write of its own
      // (which the Scheduled status write below used to turn into a 409 most of the time)
      List<String> finalizers = Json.finalizers(t);
      if (!finalizers.contains(Finalizers.AGENT)) {
        finalizers.add(Finalizers.AGENT);
        t.withObject("/metadata").set("finalizers", Json.array(finalizers));
      }
      try {
        JsonNode bound = client.update(Gvr.TASKS, t);
        String message = "bound to node " + placed.node();
        List<Condition> conds = Conditions.put(Json.conditions(bound), Conditions.of(List.of(), ConditionTypes.SCHEDULED, "True",
            "Scheduled", message, 0, clock.instant()));
        ObjectNode st = Json.object();
        st.set("conditions", Json.array(conds));
        st.set("ports", Json.array(placed.ports()));
        client.patchStatus(Gvr.TASKS, Json.namespace(t), Json.name(t), PatchType.MERGE, Json.statusPatch(st));
        events.normal(bound, "Scheduled", message);
        return true;
      } catch (ConflictException e) {
        try {
          task = client.get(Gvr.TASKS, Json.namespace(task), Json.name(task));
        } catch (NotFoundException gone) {
          return false;
        }
        if (Json.nodeName(task) != null || Json.deleting(task)) {
          return false; // someone else bound it; its reservation here is pruned later
        }
      } catch (NotFoundException e) {
        return false;
      }
    }
    return false;
  }
}
