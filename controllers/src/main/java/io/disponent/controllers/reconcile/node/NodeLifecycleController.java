package io.disponent.controllers.reconcile.node;

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
import io.disponent.controllers.plan.Conditions;
import io.disponent.controllers.plan.TaskView;
import io.disponent.controllers.plan.drain.DrainPlan;
import io.disponent.controllers.plan.drain.DrainPlanner;
import io.disponent.controllers.plan.node.NodeLifecycle;
import io.disponent.controllers.plan.node.NodePlan;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.controllers.reconcile.service.TaskFactory;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Service;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.UnreachableStrategy;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Finalizers;
import io.disponent.crds.vocab.Labels;
import io.disponent.crds.vocab.TaskStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per Node: the Ready condition from the agent's Lease ({@link NodeLifecycle}); Tasks of a lost node turn
 * UNREACHABLE with {@code Reachable=False}; deleted Tasks of a node still lost after the owner's
 * {@code expungeAfterSeconds} lose the agent's finalizer; and a Node annotated {@value Annotations#DRAIN}{@code =true}
 * is drained with surge ({@link DrainPlanner}). A node is judged from its lease only once this controller has
 * watched it for two lease durations (the start-up grace of {@link NodeLifecycle}): a new controller, after a
 * restart or a change of leader, starts its watch of every node when it first reconciles it.
 */
public final class NodeLifecycleController implements Reconciler {
  private static final int DEFAULT_EXPUNGE_SECONDS = 600;

  private final ApiClient client;
  private final Caches caches;
  private final EventRecorder events;
  private final Clock clock;
  private final String leaseNamespace;
  /** When this controller first reconciled each node: the start of its start-up grace. */
  private final Map<String, Instant> watchingSince = new ConcurrentHashMap<>();

  public NodeLifecycleController(ApiClient client, Caches caches, EventRecorder events, Clock clock,
      String leaseNamespace) {
    this.client = client;
    this.caches = caches;
    this.events = events;
    this.clock = clock;
    this.leaseNamespace = leaseNamespace;
  }

  public Controller controller(int workers) {
    return Controller.builder("nodes", this).workers(workers)
        .watches(caches.nodes)
        .watches(caches.leases, l -> List.of(new Key(null, Json.name(l))))
        .watches(caches.tasks, t -> Json.nodeName(t) == null ? List.of() : List.of(new Key(null, Json.nodeName(t))))
        .build();
  }

  @Override
  public Result reconcile(Key key) {
    JsonNode node = caches.nodes.getJson(null, key.name()).orElse(null);
    if (node == null) {
      watchingSince.remove(key.name());
      return Result.done();
    }
    Instant now = clock.instant();
    Instant since = watchingSince.computeIfAbsent(key.name(), n -> now);
    JsonNode lease = caches.leases.getJson(leaseNamespace, key.name()).orElse(null);
    Instant renew = lease == null ? null : Json.time(lease.path("spec").path("renewTime"));
    Integer duration = lease == null || !lease.path("spec").hasNonNull("leaseDurationSeconds") ? null
        : lease.path("spec").path("leaseDurationSeconds").asInt();
    List<Cached<Task>> onNode = caches.tasks.byIndexCached(Caches.BY_NODE, key.name());
    List<TaskView> views = onNode.stream()
        .filter(t -> !Json.deleting(t.json()) || !TaskStates.terminal(Json.state(t.json())))
        .map(t -> TaskView.of(t.value())).toList();
    String before = Json.conditionStatus(node, ConditionTypes.READY);
    NodePlan plan = NodeLifecycle.plan(key.name(), renew, duration, views, now, since, before);

    if (!plan.readiness().status().equals(before)) {
      List<Condition> conds = Conditions.put(Json.conditions(node), Conditions.of(Json.conditions(node), ConditionTypes.READY,
          plan.readiness().status(), plan.readiness().reason(), plan.readiness().message(), 0, now));
      ObjectNode st = Json.object();
      st.set("conditions", Json.array(conds));
      client.patchStatus(Gvr.NODES, null, key.name(), PatchType.MERGE, Json.statusPatch(st));
      if (plan.readiness().ready()) {
        events.normal(node, "NodeReady", plan.readiness().message());
      } else {
        events.warning(node, "NodeNotReady", plan.readiness().message());
      }
    }
    for (String name : plan.turnUnreachable()) {
      JsonNode t = onNode.stream().map(Cached::json).filter(x -> Json.name(x).equals(name)).findFirst().orElse(null);
      if (t == null) {
        continue;
      }
      ObjectNode st = Json.object().put("state", TaskStates.UNREACHABLE);
      st.set("conditions", Json.array(Conditions.put(Json.conditions(t), plan.reachable())));
      try {
        client.patchStatus(Gvr.TASKS, Json.namespace(t), name, PatchType.MERGE, Json.statusPatch(st));
        events.warning(t, "Unreachable", plan.reachable().message());
      } catch (NotFoundException e) {
        // gone
      }
    }
    Duration next = null;
    if (plan.inGrace()) {
      next = Duration.between(now, plan.graceEnds()).plusMillis(100);
    } else if (!plan.readiness().ready()) {
      next = expungeLost(onNode, now);
    } else if (renew != null) {
      next = Duration.between(now, renew.plus(Duration.ofSeconds(duration == null ? 15 : duration)))
          .plusMillis(100);
    }
    if ("true".equals(Json.annotation(node, Annotations.DRAIN))) {
      drain(key.name());
      next = next == null || next.toMillis() > 1000 ? Duration.ofSeconds(1) : next;
    }
    return next == null ? Result.done() : Result.requeueAfter(next.isNegative() ? Duration.ofMillis(100) : next);
  }

  /** Drops the agent finalizer of deleted UNREACHABLE Tasks past their expunge time; when to look again. */
  private Duration expungeLost(List<Cached<Task>> onNode, Instant now) {
    Duration next = Duration.ofSeconds(5);
    for (Cached<Task> cached : onNode) {
      JsonNode t = cached.json();
      if (!Json.deleting(t) || !Json.finalizers(t).contains(Finalizers.AGENT)) {
        continue;
      }
      TaskView v = TaskView.of(cached.value());
      Instant since = v.unreachableSince() == null ? now : v.unreachableSince();
      Instant at = since.plusSeconds(expungeSeconds(t));
      if (!now.isBefore(at)) {
        List<String> f = Json.finalizers(t);
        f.remove(Finalizers.AGENT);
        try {
          client.patch(Gvr.TASKS, Json.namespace(t), Json.name(t), PatchType.MERGE, Json.finalizersPatch(f));
          events.warning(t, "Expunged", "node " + v.node() + " still lost; task forgotten");
        } catch (NotFoundException e) {
          // gone
        }
      } else if (Duration.between(now, at).compareTo(next) < 0) {
        next = Duration.between(now, at);
      }
    }
    return next;
  }

  private int expungeSeconds(JsonNode t) {
    for (JsonNode ref : t.path("metadata").path("ownerReferences")) {
      if ("Service".equals(ref.path("kind").asText())) {
        UnreachableStrategy us = caches.services.get(Json.namespace(t), ref.path("name").asText())
            .map(s -> s.spec().unreachableStrategy()).orElse(null);
        if (us != null && us.expungeAfterSeconds() != null) {
          return us.expungeAfterSeconds();
        }
      }
    }
    return DEFAULT_EXPUNGE_SECONDS;
  }

  private void drain(String node) {
    List<Cached<Task>> cached = caches.tasks.listCached();
    List<JsonNode> all = cached.stream().map(Cached::json).toList();
    List<TaskView> views = cached.stream().filter(t -> !Json.deleting(t.json()))
        .map(t -> TaskView.of(t.value())).toList();
    DrainPlan plan = DrainPlanner.plan(node, views);
    for (DrainPlan.Surge s : plan.start()) {
      JsonNode old = all.stream().filter(t -> Json.name(t).equals(s.replaces())).findFirst().orElse(null);
      if (old == null) {
        continue;
      }
      Cached<Service> svc = caches.services.getCached(Json.namespace(old), s.service()).orElse(null);
      if (svc == null || Json.deleting(svc.json())) {
        continue;
      }
      ObjectNode task = TaskFactory.task(svc.json(), svc.value().spec().template(),
          old.path("metadata").path("labels").path(Labels.REVISION).asText(), s.replaces(), 0, null);
      JsonNode created = client.create(Gvr.TASKS, Json.namespace(old), task);
      events.normal(created, "Created", "surge replacement of " + s.replaces() + " drained from " + node);
    }
    for (String name : plan.kill()) {
      JsonNode old = all.stream().filter(t -> Json.name(t).equals(name)).findFirst().orElse(null);
      if (old == null) {
        continue;
      }
      try {
        client.delete(Gvr.TASKS, Json.namespace(old), name, DeleteOptions.DEFAULT);
        events.normal(old, "Killing", "drained from node " + node);
      } catch (NotFoundException e) {
        // gone
      }
    }
  }
}
