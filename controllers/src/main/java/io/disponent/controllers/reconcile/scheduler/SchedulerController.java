package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.ResourceClient;
import io.disponent.client.runtime.Cached;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.DaemonThreads;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Key;
import io.disponent.client.runtime.Reconciler;
import io.disponent.client.runtime.Result;
import io.disponent.controllers.plan.Conditions;
import io.disponent.controllers.plan.placement.ClusterView;
import io.disponent.controllers.plan.placement.PlacedTask;
import io.disponent.controllers.plan.placement.Placement;
import io.disponent.controllers.plan.placement.PlacementPlan;
import io.disponent.controllers.plan.placement.PlacementResult;
import io.disponent.controllers.plan.placement.TaskToPlace;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Constraint;
import io.disponent.crds.model.Service;
import io.disponent.crds.model.Task;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.TaskStates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds unbound Tasks to nodes in batches. A pass takes up to {@value #BATCH} of the oldest unbound live Tasks
 * from the {@link SchedulerCache} (kept from informer events), places them with {@link Placement#standard()}
 * against the Nodes, the bound Tasks, the ledger reservations and the placements still being written, and
 * hands the writes to a bounded pool: per node one {@link Reserver} CAS for all of its placements, then per
 * Task a {@link Binder} CAS. The pass does not wait for them, so the next batch is planned while they run;
 * a placement stays assumed until the watch shows its Task bound, or is dropped when its write loses.
 * Unplaceable Tasks get {@code Scheduled=False} with the node-by-node message and stay STAGING. One key
 * ({@link #PASS}) for everything: events only say "look again".
 */
public final class SchedulerController implements Reconciler {
  public static final Key PASS = new Key(null, "scheduler-pass");
  private static final Logger log = LoggerFactory.getLogger(SchedulerController.class);
  private static final int BATCH = 1000;
  private static final int MAX_ASSUMED = 4 * BATCH;
  private static final int PARALLEL_WRITES = 32;
  private static final long ASSUME_FOR_MS = 30_000;
  private static final Duration RETRY_UNPLACED = Duration.ofSeconds(4);
  private static final Duration RETRY_LOST = Duration.ofMillis(200);

  private final ResourceClient client;
  private final Caches caches;
  private final EventRecorder events;
  private final Clock clock;
  private final Placement placement = Placement.standard();
  private final SchedulerCache cache = new SchedulerCache();
  private final ExecutorService writers = Executors.newFixedThreadPool(PARALLEL_WRITES, DaemonThreads.named("scheduler-write"));
  private final ExecutorService binders = Executors.newFixedThreadPool(PARALLEL_WRITES, DaemonThreads.named("scheduler-bind"));
  private final Reserver reserver;
  private final Binder binder;
  private final AllocatedWriter allocated;
  private final NodeLanes<Placed> lanes = new NodeLanes<>(writers, this::write);
  /** Placements planned and not yet seen bound by the watch: Task key → where, and whether written. */
  private final Map<String, Assumed> assumed = new ConcurrentHashMap<>();
  private volatile Controller controller;

  /** Unplaceable Tasks wait until room may have appeared (a new room epoch) or {@code until}. */
  private final Map<String, Parked> parked = new ConcurrentHashMap<>();

  private record Assumed(PlacedTask task, long at, boolean written) {}

  private record Parked(long epoch, long until) {}

  private record Placed(JsonNode task, PlacedTask held, PlacementResult.Placed result) {}

  public SchedulerController(ResourceClient client, Caches caches, EventRecorder events, Clock clock) {
    this.client = client;
    this.caches = caches;
    this.events = events;
    this.clock = clock;
    caches.nodes.addHandler(cache.nodeEvents);
    caches.tasks.addHandler(cache.taskEvents);
    this.reserver = new Reserver(client, caches.tasks, cache, clock, this::gone);
    this.binder = new Binder(client, clock, events);
    this.allocated = new AllocatedWriter(client, cache);
  }

  /** The controller: any Task or Node event asks for a pass. */
  public Controller controller(int workers) {
    controller = Controller.builder("scheduler", this).workers(1)
        .watches(caches.tasks, t -> List.of(PASS))
        .watches(caches.nodes, n -> List.of(PASS))
        .onClose(this::stopWriting)
        .build();
    return controller;
  }

  /** A scheduler that lost its lease drops the writes it has queued; their Tasks are planned again by the next leader. */
  private void stopWriting() {
    writers.shutdownNow();
    binders.shutdownNow();
  }

  @Override
  public Result reconcile(Key key) {
    long now = clock.millis();
    assumed.entrySet().removeIf(e -> e.getValue().written() && (!cache.isPending(e.getKey())
        || now - e.getValue().at() > ASSUME_FOR_MS));
    if (assumed.size() >= MAX_ASSUMED) {
      return Result.done(); // each finished node's writes ask for another pass
    }
    long epoch = cache.roomEpoch();
    parked.values().removeIf(p -> p.epoch() != epoch || p.until() <= now);
    List<Cached<Task>> batch = cache.pending(BATCH, k -> assumed.containsKey(k) || parked.containsKey(k));
    if (batch.isEmpty()) {
      return parked.isEmpty() ? Result.done() : Result.requeueAfter(RETRY_UNPLACED);
    }
    ClusterView view = view();
    Map<String, List<Constraint>> constraints = new HashMap<>();
    List<TaskToPlace> toPlace = new ArrayList<>(batch.size());
    for (Cached<Task> t : batch) {
      toPlace.add(TaskToPlace.of(t.value(), SchedulerCache.ownerId(t.json()), constraints(t.json(), constraints)));
    }
    PlacementPlan plan = placement.place(toPlace, view);
    Map<String, List<Placed>> perNode = new LinkedHashMap<>();
    boolean anyUnplaced = false;
    for (int i = 0; i < batch.size(); i++) {
      JsonNode t = batch.get(i).json();
      if (plan.results().get(i) instanceof PlacementResult.Placed p) {
        TaskToPlace ask = toPlace.get(i);
        PlacedTask held = new PlacedTask(SchedulerCache.key(t), ask.owner(), p.node(), ask.cpuMillis(),
            ask.memoryBytes(), ask.diskBytes(), hostPorts(p));
        assumed.put(held.name(), new Assumed(held, now, false));
        perNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(new Placed(t, held, p));
      } else {
        PlacementResult.Unplaced u = (PlacementResult.Unplaced) plan.results().get(i);
        parked.put(SchedulerCache.key(t), new Parked(epoch, now + RETRY_UNPLACED.toMillis()));
        writers.execute(() -> unplaced(t, u));
        anyUnplaced = true;
      }
    }
    perNode.forEach(lanes::submit);
    if (batch.size() == BATCH) {
      return Result.requeueAfter(Duration.ZERO);
    }
    return anyUnplaced ? Result.requeueAfter(RETRY_UNPLACED) : Result.done();
  }

  /** Nodes, bound Tasks, assumed placements, and ledger reservations none of those accounts for. */
  private ClusterView view() {
    List<PlacedTask> held = new ArrayList<>(cache.bound().values());
    Map<String, PlacedTask> mine = new HashMap<>();
    assumed.values().forEach(a -> mine.put(a.task().name(), a.task()));
    held.addAll(mine.values());
    held.addAll(cache.reservedOnly((task, node) -> mine.containsKey(task) || gone(task, node)));
    return new ClusterView(cache.nodeViews(), held);
  }

  /** Reserves, then binds in parallel; whatever lost a race asks for a pass soon. */
  private void write(String node, List<Placed> placed) {
    List<PlacedTask> accepted;
    try {
      accepted = reserver.reserve(node, placed.stream().map(Placed::held).toList());
    } catch (RuntimeException e) {
      log.warn("scheduler: reservation on {} failed: {}", node, e.toString());
      accepted = List.of();
    }
    Set<String> ok = new HashSet<>();
    accepted.forEach(a -> ok.add(a.name()));
    AtomicInteger left = new AtomicInteger(placed.size());
    for (Placed p : placed) {
      if (!ok.contains(p.held().name())) {
        settle(p, false, left);
        continue;
      }
      binders.execute(() -> {
        boolean bound = false;
        try {
          bound = binder.bind(p.task(), p.result());
        } catch (RuntimeException e) {
          log.warn("scheduler: bind of {} failed: {}", p.held().name(), e.toString());
        }
        settle(p, bound, left);
      });
    }
    if (!accepted.isEmpty()) {
      allocated.write(node); // in the lane: the next reservation starts from the Node this write returns
    }
  }

  private void settle(Placed p, boolean bound, AtomicInteger left) {
    if (bound) {
      assumed.computeIfPresent(p.held().name(), (k, a) -> new Assumed(a.task(), clock.millis(), true));
    } else {
      assumed.remove(p.held().name());
      Controller c = controller;
      if (c != null) {
        c.queue().addAfter(PASS, RETRY_LOST);
      }
    }
    if (left.decrementAndGet() == 0 && controller != null) {
      controller.enqueue(PASS);
    }
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

  private void unplaced(JsonNode t, PlacementResult.Unplaced r) {
    for (JsonNode c : t.path("status").path("conditions")) {
      if (ConditionTypes.SCHEDULED.equals(c.path("type").asText()) && "False".equals(c.path("status").asText())
          && r.message().equals(c.path("message").asText())) {
        return;
      }
    }
    List<Condition> conds = Conditions.put(Json.conditions(t), Conditions.of(Json.conditions(t), ConditionTypes.SCHEDULED,
        "False", "Unschedulable", r.message(), 0, clock.instant()));
    ObjectNode st = Json.object();
    st.set("conditions", Json.array(conds));
    try {
      client.patchStatus(Gvr.TASKS, Json.namespace(t), Json.name(t), PatchType.MERGE, Json.statusPatch(st));
      events.warning(t, "FailedScheduling", r.message());
    } catch (NotFoundException e) {
      // deleted meanwhile
    } catch (RuntimeException e) {
      log.debug("scheduler: Scheduled=False of {} not written: {}", SchedulerCache.key(t), e.getMessage());
    }
  }

  private static Set<Integer> hostPorts(PlacementResult.Placed p) {
    Set<Integer> s = new HashSet<>();
    p.ports().forEach(port -> s.add(port.hostPort()));
    return s;
  }

  /** The owning Service's constraints, read once per pass per Service. */
  private List<Constraint> constraints(JsonNode t, Map<String, List<Constraint>> memo) {
    for (JsonNode ref : t.path("metadata").path("ownerReferences")) {
      if ("Service".equals(ref.path("kind").asText())) {
        String name = ref.path("name").asText();
        return memo.computeIfAbsent(Json.namespace(t) + "/" + name, k -> caches.services
            .get(Json.namespace(t), name)
            .map(Service::spec)
            .map(spec -> spec.constraints() == null ? List.<Constraint>of() : spec.constraints())
            .orElse(List.of()));
      }
    }
    return List.of();
  }
}
