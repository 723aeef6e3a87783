package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.controllers.client.ApiClient;
import io.disponent.controllers.client.ConflictException;
import io.disponent.controllers.client.Gvr;
import io.disponent.controllers.client.NotFoundException;
import io.disponent.controllers.client.PatchType;
import io.disponent.controllers.plan.Conditions;
import io.disponent.controllers.plan.TaskStates;
import io.disponent.controllers.plan.placement.ClusterView;
import io.disponent.controllers.plan.placement.NodeView;
import io.disponent.controllers.plan.placement.PlacedTask;
import io.disponent.controllers.plan.placement.Placement;
import io.disponent.controllers.plan.placement.PlacementPlan;
import io.disponent.controllers.plan.placement.PlacementResult;
import io.disponent.controllers.plan.placement.TaskToPlace;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.controllers.runtime.Controller;
import io.disponent.controllers.runtime.EventRecorder;
import io.disponent.controllers.runtime.Key;
import io.disponent.controllers.runtime.Reconciler;
import io.disponent.controllers.runtime.Result;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Constraint;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Service;
import io.disponent.crds.model.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds unbound Tasks to nodes in batches: every pass takes all unbound live Tasks from the cache, places them
 * with {@link Placement#standard()} against a {@link ClusterView} of the Nodes and bound Tasks (plus the
 * reservations of {@link NodeLedger}s), reserves per node with a compare-and-swap update of the Node, then binds
 * each Task with a compare-and-swap update of {@code spec.nodeName} and host ports, and records the
 * {@code Scheduled} condition and an Event. Unplaceable Tasks get {@code Scheduled=False} with the node-by-node
 * message and stay STAGING. One key ({@link #PASS}) for everything: events only say "look again".
 */
public final class SchedulerController implements Reconciler {
  public static final Key PASS = new Key(null, "scheduler-pass");
  private static final Logger log = LoggerFactory.getLogger(SchedulerController.class);
  private static final long PRUNE_AFTER_MS = 3_000;

  private final ApiClient client;
  private final Caches caches;
  private final EventRecorder events;
  private final Clock clock;
  private final Placement placement = Placement.standard();
  private static final Duration RETRY_UNPLACED = Duration.ofSeconds(4);
  private static final int PARALLEL_WRITES = 32;
  private final java.util.concurrent.ExecutorService writers =
      java.util.concurrent.Executors.newFixedThreadPool(PARALLEL_WRITES, daemon("scheduler-reserve"));
  private final java.util.concurrent.ExecutorService binders =
      java.util.concurrent.Executors.newFixedThreadPool(PARALLEL_WRITES, daemon("scheduler-bind"));

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public SchedulerController(ApiClient client, Caches caches, EventRecorder events, Clock clock) {
    this.client = client;
    this.caches = caches;
    this.events = events;
    this.clock = clock;
  }

  /** The controller: any Task or Node event asks for a pass. */
  public Controller controller(int workers) {
    return Controller.builder("scheduler", this).workers(1)
        .watches(caches.tasks, t -> List.of(PASS))
        .watches(caches.nodes, n -> List.of(PASS))
        .build();
  }

  @Override
  public Result reconcile(Key key) {
    List<JsonNode> unbound = caches.tasks.list().stream()
        .filter(t -> Json.nodeName(t) == null && !Json.deleting(t) && !TaskStates.terminal(Json.state(t)))
        .sorted(Comparator.comparing(t -> t.path("metadata").path("creationTimestamp").asText()
            + "/" + Json.name(t)))
        .toList();
    if (unbound.isEmpty()) {
      return Result.done();
    }
    Map<String, Boolean> ready = new HashMap<>();
    List<NodeView> nodes = new ArrayList<>();
    Map<String, JsonNode> nodeJson = new HashMap<>();
    for (JsonNode n : caches.nodes.list()) {
      boolean r = "True".equals(Json.conditionStatus(n, "Ready"));
      ready.put(Json.name(n), r);
      nodeJson.put(Json.name(n), n);
      nodes.add(NodeView.of(Models.read(n, io.disponent.crds.model.Node.class), r));
    }
    ClusterView view = new ClusterView(nodes, held(nodeJson));
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    List<TaskToPlace> toPlace = new ArrayList<>();
    for (JsonNode t : unbound) {
      Task task = Models.read(t, Task.class);
      String owner = ownerId(t);
      toPlace.add(TaskToPlace.of(task, owner, constraints(t)));
      byName.put(Json.namespace(t) + "/" + Json.name(t), t);
    }
    PlacementPlan plan = placement.place(toPlace, view);
    Map<String, List<Placed>> perNode = new LinkedHashMap<>();
    boolean again = false;
    boolean anyUnplaced = false;
    for (int i = 0; i < plan.results().size(); i++) {
      PlacementResult r = plan.results().get(i);
      JsonNode t = unbound.get(i);
      if (r instanceof PlacementResult.Placed) {
        PlacementResult.Placed p = (PlacementResult.Placed) r;
        perNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(new Placed(t, toPlace.get(i), p));
      } else {
        unplaced(t, (PlacementResult.Unplaced) r);
        anyUnplaced = true;
      }
    }
    // Nodes are reserved and their tasks bound in parallel: each is a few API writes, and the store
    // commits concurrent writes in shared Raft entries, so a batch costs little more than one.
    List<java.util.concurrent.Future<Boolean>> outcomes = new ArrayList<>();
    for (Map.Entry<String, List<Placed>> e : perNode.entrySet()) {
      outcomes.add(writers.submit(() -> {
        List<Placed> accepted = reserve(e.getKey(), e.getValue());
        List<java.util.concurrent.Future<?>> binds = new ArrayList<>();
        for (Placed p : accepted) {
          binds.add(binders.submit(() -> bind(p)));
        }
        for (java.util.concurrent.Future<?> b : binds) {
          b.get();
        }
        return accepted.size() < e.getValue().size();
      }));
    }
    for (java.util.concurrent.Future<Boolean> f : outcomes) {
      try {
        again |= f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        log.warn("scheduler: a reservation or bind failed: {}", e.getCause().toString());
        again = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.requeue();
      }
    }
    // Lost reservation races retry soon. Unplaced tasks are retried on any node or task change, and
    // every few seconds besides: a reservation left by a racing scheduler's failed bind frees its
    // room only once it has expired, and that expiry raises no event.
    if (again) {
      return Result.requeueAfter(Duration.ofMillis(200));
    }
    return anyUnplaced ? Result.requeueAfter(RETRY_UNPLACED) : Result.done();
  }

  private record Placed(JsonNode task, TaskToPlace ask, PlacementResult.Placed result) {
    Set<Integer> ports() {
      Set<Integer> s = new HashSet<>();
      result.ports().forEach(p -> s.add(p.hostPort()));
      return s;
    }
  }

  /** Bound live Tasks from the cache, plus ledger reservations not yet seen as bound. */
  private List<PlacedTask> held(Map<String, JsonNode> nodes) {
    List<PlacedTask> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode t : caches.tasks.list()) {
      String node = Json.nodeName(t);
      if (node == null || TaskStates.terminal(Json.state(t))) {
        continue;
      }
      TaskToPlace ask = TaskToPlace.of(Models.read(t, Task.class), ownerId(t), List.of());
      Set<Integer> ports = new HashSet<>();
      t.path("spec").path("ports").forEach(p -> {
        if (p.hasNonNull("hostPort")) {
          ports.add(p.path("hostPort").asInt());
        }
      });
      out.add(new PlacedTask(ask.name(), ask.owner(), node, ask.cpuMillis(), ask.memoryBytes(), ask.diskBytes(),
          ports));
      seen.add(node + "/" + ask.name());
    }
    for (JsonNode n : nodes.values()) {
      NodeLedger ledger = NodeLedger.of(n);
      ledger.entries().forEach((task, e) -> {
        if (!seen.contains(Json.name(n) + "/" + task) && !gone(task, Json.name(n))) {
          out.add(new PlacedTask(task, "reserved:" + task, Json.name(n), e.cpuMillis(), e.memoryBytes(),
              e.diskBytes(), e.ports()));
        }
      });
    }
    return out;
  }

  /** Whether a ledger entry's Task (ns/name) no longer holds anything on {@code node}, by the cache. */
  private boolean gone(String task, String node) {
    int slash = task.indexOf('/');
    var t = caches.tasks.getJson(task.substring(0, slash), task.substring(slash + 1));
    if (t.isEmpty()) {
      return true;
    }
    String bound = Json.nodeName(t.get());
    return TaskStates.terminal(Json.state(t.get())) || (bound != null && !bound.equals(node));
  }

  /**
   * Adds {@code placed} to the node's ledger with a compare-and-swap; re-reads on conflict and keeps only what
   * still fits. Returns the Tasks reserved.
   */
  private List<Placed> reserve(String nodeName, List<Placed> placed) {
    for (int attempt = 0; attempt < 10; attempt++) {
      JsonNode node;
      try {
        node = client.get(Gvr.NODES, null, nodeName);
      } catch (NotFoundException e) {
        return List.of();
      }
      long now = clock.millis();
      Map<String, NodeLedger.Entry> entries = new LinkedHashMap<>(NodeLedger.of(node).entries());
      entries.entrySet().removeIf(en -> now - en.getValue().at() > PRUNE_AFTER_MS && gone(en.getKey(), nodeName));
      // bound Tasks the ledger does not know (bound by hand, or pruned while the cache lagged) count as well
      for (JsonNode t : caches.tasks.byIndex(Caches.BY_NODE, nodeName)) {
        String k = Json.namespace(t) + "/" + Json.name(t);
        if (!entries.containsKey(k) && !TaskStates.terminal(Json.state(t))) {
          TaskToPlace ask = TaskToPlace.of(Models.read(t, Task.class), "", List.of());
          Set<Integer> ports = new HashSet<>();
          t.path("spec").path("ports").forEach(p -> {
            if (p.hasNonNull("hostPort")) {
              ports.add(p.path("hostPort").asInt());
            }
          });
          entries.put(k, new NodeLedger.Entry(ask.cpuMillis(), ask.memoryBytes(), ask.diskBytes(), ports, now));
        }
      }
      NodeView nv = NodeView.of(Models.read(node, io.disponent.crds.model.Node.class), true);
      List<Placed> accepted = new ArrayList<>();
      for (Placed p : placed) {
        String k = Json.namespace(p.task()) + "/" + Json.name(p.task());
        if (entries.containsKey(k)) {
          continue; // reserved by someone else already: let the bind's CAS decide
        }
        NodeLedger trial = new NodeLedger(entries);
        boolean fits = trial.cpuMillis() + p.ask().cpuMillis() <= nv.cpuMillis()
            && trial.memoryBytes() + p.ask().memoryBytes() <= nv.memoryBytes()
            && trial.diskBytes() + p.ask().diskBytes() <= nv.diskBytes()
            && p.ports().stream().noneMatch(trial::portInUse);
        if (fits) {
          entries.put(k, new NodeLedger.Entry(p.ask().cpuMillis(), p.ask().memoryBytes(), p.ask().diskBytes(),
              p.ports(), now));
          accepted.add(p);
        }
      }
      NodeLedger ledger = new NodeLedger(entries);
      ObjectNode updated = node.deepCopy();
      ((ObjectNode) updated.path("metadata")).withObject("/annotations").put(NodeLedger.ANNOTATION, ledger.toJson());
      try {
        client.update(Gvr.NODES, updated);
      } catch (ConflictException e) {
        continue;
      }
      ObjectNode allocated = Json.object().put("cpus", ledger.cpuMillis() + "m")
          .put("memory", String.valueOf(ledger.memoryBytes())).put("disk", String.valueOf(ledger.diskBytes()));
      ObjectNode st = Json.object();
      st.set("allocated", allocated);
      try {
        client.patchStatus(Gvr.NODES, null, nodeName, PatchType.MERGE, Json.statusPatch(st));
      } catch (RuntimeException e) {
        log.debug("scheduler: allocated of {} not written: {}", nodeName, e.getMessage());
      }
      return accepted;
    }
    return List.of();
  }

  private void bind(Placed p) {
    JsonNode task = p.task();
    for (int attempt = 0; attempt < 5; attempt++) {
      ObjectNode t = task.deepCopy();
      ObjectNode spec = t.withObject("/spec");
      spec.put("nodeName", p.result().node());
      JsonNode ports = spec.path("ports");
      for (int i = 0; i < ports.size() && i < p.result().ports().size(); i++) {
        ((ObjectNode) ports.get(i)).put("hostPort", p.result().ports().get(i).hostPort());
      }
      try {
        JsonNode bound = client.update(Gvr.TASKS, t);
        List<Condition> conds = Conditions.put(Json.conditions(bound), Conditions.of(List.of(), "Scheduled", "True",
            "Scheduled", "bound to node " + p.result().node(), 0, clock.instant()));
        ObjectNode st = Json.object();
        st.set("conditions", Json.array(conds));
        st.set("ports", Json.array(p.result().ports()));
        client.patchStatus(Gvr.TASKS, Json.namespace(t), Json.name(t), PatchType.MERGE, Json.statusPatch(st));
        events.normal(bound, "Scheduled", "bound to node " + p.result().node());
        return;
      } catch (ConflictException e) {
        try {
          task = client.get(Gvr.TASKS, Json.namespace(task), Json.name(task));
        } catch (NotFoundException gone) {
          return;
        }
        if (Json.nodeName(task) != null || Json.deleting(task)) {
          return; // someone else bound it; its reservation here is pruned later
        }
      } catch (NotFoundException e) {
        return;
      }
    }
  }

  private void unplaced(JsonNode t, PlacementResult.Unplaced r) {
    for (JsonNode c : t.path("status").path("conditions")) {
      if ("Scheduled".equals(c.path("type").asText()) && "False".equals(c.path("status").asText())
          && r.message().equals(c.path("message").asText())) {
        return;
      }
    }
    List<Condition> conds = Conditions.put(Json.conditions(t), Conditions.of(Json.conditions(t), "Scheduled",
        "False", "Unschedulable", r.message(), 0, clock.instant()));
    ObjectNode st = Json.object();
    st.set("conditions", Json.array(conds));
    try {
      client.patchStatus(Gvr.TASKS, Json.namespace(t), Json.name(t), PatchType.MERGE, Json.statusPatch(st));
      events.warning(t, "FailedScheduling", r.message());
    } catch (NotFoundException e) {
      // deleted meanwhile
    }
  }

  /** The owning Service's uid, or the Task's own namespace/name when standalone. */
  private static String ownerId(JsonNode t) {
    for (JsonNode ref : t.path("metadata").path("ownerReferences")) {
      if ("Service".equals(ref.path("kind").asText())) {
        return ref.path("uid").asText();
      }
    }
    return Json.namespace(t) + "/" + Json.name(t);
  }

  private List<Constraint> constraints(JsonNode t) {
    for (JsonNode ref : t.path("metadata").path("ownerReferences")) {
      if ("Service".equals(ref.path("kind").asText())) {
        return caches.services.getJson(Json.namespace(t), ref.path("name").asText())
            .map(s -> Models.read(s, Service.class).spec())
            .map(spec -> spec.constraints() == null ? List.<Constraint>of() : spec.constraints())
            .orElse(List.of());
      }
    }
    return List.of();
  }
}
