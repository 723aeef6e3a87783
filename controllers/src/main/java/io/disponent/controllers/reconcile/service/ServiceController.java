package io.disponent.controllers.reconcile.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.runtime.Cached;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Key;
import io.disponent.client.runtime.Reconciler;
import io.disponent.client.runtime.Result;
import io.disponent.client.runtime.SlowStart;
import io.disponent.client.runtime.WriteBarrier;
import io.disponent.controllers.plan.service.ServicePlan;
import io.disponent.controllers.plan.service.ServicePlanner;
import io.disponent.controllers.plan.service.TaskCreate;
import io.disponent.controllers.plan.service.TaskRemoval;
import io.disponent.controllers.plan.upgrade.RevisionHistory;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Service;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Finalizers;
import io.disponent.crds.vocab.Labels;
import io.disponent.crds.vocab.TaskStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a Service's Tasks as {@link ServicePlanner} says: creates Tasks owned by the Service (labels from the
 * template plus service and revision, no node, empty status), deletes the ones to kill or expunge (an expunged
 * Task of a lost node also loses the agent's finalizer), marks unreachable ones replaced, records the revision
 * history annotation, and writes the status through the status subresource when it changed. A Task being
 * deleted counts as KILLING for the planner. Idempotent: a repeated call finds the Tasks it created.
 */
public final class ServiceController implements Reconciler {
  /** Parallel creates per pass: 1, 2, 4, … up to this many at once. */
  static final int MAX_CREATE_BATCH = 32;
  static final Duration CACHE_WAIT = Duration.ofMillis(20);

  private final ApiClient client;
  private final Caches caches;
  private final EventRecorder events;
  private final Clock clock;
  private final WriteBarrier barrier;

  public ServiceController(ApiClient client, Caches caches, EventRecorder events, Clock clock) {
    this.client = client;
    this.caches = caches;
    this.events = events;
    this.clock = clock;
    this.barrier = new WriteBarrier(clock, Duration.ofSeconds(30));
  }

  public Controller controller(int workers) {
    return Controller.builder("services", this).workers(workers)
        .watches(caches.services)
        .watchesOwned(caches.tasks, "Service")
        .watches(caches.nodes, n -> caches.services.listCached().stream().map(s -> Key.of(s.json())).toList())
        .build();
  }

  @Override
  public Result reconcile(Key key) {
    Cached<Service> cached = caches.services.getCached(key.namespace(), key.name()).orElse(null);
    if (cached == null || Json.deleting(cached.json())) {
      return Result.done(); // the garbage collector handles dependents
    }
    if (!barrier.caughtUp(key, caches.tasks.lastResourceVersion())) {
      return Result.requeueAfter(CACHE_WAIT); // the cache has not seen this Service's last Task writes yet
    }
    JsonNode json = cached.json();
    Service service = cached.value();
    Instant now = clock.instant();

    RevisionHistory history = Revisions.of(json);
    RevisionHistory recorded = history.record(service.spec().template(),
        service.metadata().getGeneration() == null ? 0 : service.metadata().getGeneration());
    if (recorded != history) {
      ObjectNode p = Json.object();
      p.putObject("metadata").putObject("annotations").put(Annotations.REVISIONS, Revisions.toJson(recorded));
      client.patch(Gvr.SERVICES, key.namespace(), key.name(), PatchType.MERGE, p);
    }

    Map<String, JsonNode> byName = new HashMap<>();
    List<Task> tasks = new ArrayList<>();
    for (Cached<Task> t : caches.tasks.byIndexCached(Caches.BY_OWNER, Json.uid(json))) {
      byName.put(Json.name(t.json()), t.json());
      tasks.add(asPlanned(t.value(), Json.deleting(t.json())));
    }
    Map<String, Boolean> ready = new HashMap<>();
    caches.nodes.listCached().forEach(n -> ready.put(Json.name(n.json()),
        "True".equals(Json.conditionStatus(n.json(), ConditionTypes.READY))));

    ServicePlan plan = ServicePlanner.plan(service, tasks, ready, now);

    for (String name : plan.markReplaced()) {
      ObjectNode p = Json.object();
      p.putObject("metadata").putObject("annotations").put(Annotations.REPLACED, "true");
      try {
        client.patch(Gvr.TASKS, key.namespace(), name, PatchType.MERGE, p);
        client.delete(Gvr.TASKS, key.namespace(), name, DeleteOptions.DEFAULT);
        events.warning(json, "Replaced", "task " + name + " unreachable too long; replaced elsewhere");
      } catch (NotFoundException e) {
        // gone already
      }
    }
    int scaledDown = 0;
    for (TaskRemoval r : plan.kill()) {
      JsonNode t = byName.get(r.task());
      if (t == null || Json.deleting(t)) {
        continue;
      }
      delete(key, r.task(), false);
      events.normal(json, "Killing", "task " + r.task() + ": " + r.reason());
      if (r.reason() == TaskRemoval.Reason.SCALE_DOWN) {
        scaledDown++;
      }
    }
    for (TaskRemoval r : plan.expunge()) {
      JsonNode t = byName.get(r.task());
      if (t == null) {
        continue;
      }
      boolean lost = r.reason() == TaskRemoval.Reason.UNREACHABLE_EXPUNGED || r.reason() == TaskRemoval.Reason.NODE_GONE;
      if (!Json.deleting(t) || lost) {
        delete(key, r.task(), lost);
      }
    }
    int fresh = 0;
    SlowStart.Outcome<TaskCreate, JsonNode> creates = SlowStart.run(plan.create(), MAX_CREATE_BATCH,
        c -> client.create(Gvr.TASKS, key.namespace(), newTask(json, service, c)));
    for (SlowStart.Done<TaskCreate, JsonNode> done : creates.done()) {
      TaskCreate c = done.item();
      JsonNode created = done.result();
      barrier.wrote(key, Json.resourceVersion(created));
      if (c.replaces() != null) {
        events.normal(json, "Replaced", "task " + c.replaces() + " (" + c.lastFailure() + ") replaced by "
            + Json.name(created) + " after " + c.consecutiveFailures() + " failure(s)");
      } else {
        fresh++;
      }
      events.normal(created, "Created", "created for service " + key.name() + " revision " + c.revision());
    }
    if (fresh > 0) {
      events.normal(json, "ScaledUp", "created " + fresh + " task(s)");
    }
    creates.orThrow();
    if (scaledDown > 0) {
      events.normal(json, "ScaledDown", "killing " + scaledDown + " task(s)");
    }

    ObjectNode status = Models.tree(plan.status());
    if (!status.equals(json.path("status"))) {
      emitTransitions(json, status);
      client.patchStatus(Gvr.SERVICES, key.namespace(), key.name(), PatchType.MERGE, Json.statusPatch(status));
    }
    return plan.requeueAfter().map(d -> Result.requeueAfter(d.plus(Duration.ofMillis(50)))).orElse(Result.done());
  }

  private void emitTransitions(JsonNode service, ObjectNode status) {
    for (JsonNode c : status.path("conditions")) {
      String type = c.path("type").asText();
      String before = Json.conditionStatus(service, type);
      String now = c.path("status").asText();
      if (ConditionTypes.STALLED.equals(type) && "True".equals(now) && !"True".equals(before)) {
        events.warning(service, c.path("reason").asText(), c.path("message").asText());
      } else if (ConditionTypes.PROGRESSING.equals(type) && "RollingUpdate".equals(c.path("reason").asText())) {
        JsonNode prev = null;
        for (JsonNode p : service.path("status").path("conditions")) {
          if (type.equals(p.path("type").asText())) {
            prev = p;
          }
        }
        if (prev == null || !prev.path("message").equals(c.path("message"))) {
          events.normal(service, "UpgradeStep", c.path("message").asText());
        }
      }
    }
  }

  private void delete(Key key, String name, boolean dropAgentFinalizer) {
    String ns = key.namespace();
    try {
      if (dropAgentFinalizer) {
        JsonNode t = client.get(Gvr.TASKS, ns, name);
        List<String> f = Json.finalizers(t);
        if (f.remove(Finalizers.AGENT)) {
          client.patch(Gvr.TASKS, ns, name, PatchType.MERGE, Json.finalizersPatch(f));
        }
      }
      barrier.wrote(key, Json.resourceVersion(client.delete(Gvr.TASKS, ns, name, DeleteOptions.DEFAULT)));
    } catch (NotFoundException e) {
      // gone already: what we wanted
    }
  }

  /** A Task being deleted that still runs counts as KILLING. */
  static Task asPlanned(Task t, boolean deleting) {
    TaskStatus s = t.status();
    String state = s == null ? null : s.state();
    if (!deleting || TaskStates.terminal(state) || TaskStates.UNREACHABLE.equals(state)
        || TaskStates.KILLING.equals(state)) {
      return t;
    }
    TaskStatus k = s == null ? new TaskStatus(null, TaskStates.KILLING, null, null, null, null, null, null, null, null,
        null, null, null, null)
        : new TaskStatus(s.observedGeneration(), TaskStates.KILLING, s.health(), s.ready(), s.ports(), s.pid(),
            s.exitCode(), s.signal(), s.reason(), s.message(), s.startedAt(), s.finishedAt(), s.restarts(),
            s.conditions());
    return new Task(t.apiVersion(), t.kind(), t.metadata(), t.spec(), k);
  }

  /** The Task object to create for {@code c}. */
  static ObjectNode newTask(JsonNode serviceJson, Service service, TaskCreate c) {
    return TaskFactory.task(serviceJson, service.spec().template(), c.revision(), c.replaces(),
        c.consecutiveFailures(), c.lastFailure(), c.afterHealthKill());
  }
}
