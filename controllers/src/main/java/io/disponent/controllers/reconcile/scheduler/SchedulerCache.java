package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.runtime.Cached;
import io.disponent.client.runtime.CachedHandler;
import io.disponent.controllers.plan.placement.NodeView;
import io.disponent.controllers.plan.placement.PlacedTask;
import io.disponent.controllers.plan.placement.TaskToPlace;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Node;
import io.disponent.crds.model.Task;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.TaskStates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The scheduler's in-memory view, kept up to date from informer events (no pass re-reads all Tasks): each
 * Node as a {@link NodeView} with its parsed {@link NodeLedger}, each live bound Task as what it holds, and
 * the live unbound Tasks in the order they are placed (creation time, then name). The scheduler's own Node
 * writes are offered too, so its next pass need not wait for the watch; of two copies of a Node the one with
 * the higher resourceVersion wins.
 */
final class SchedulerCache {
  /** A Node as read, with its view (readiness from the Ready condition) and ledger. */
  record CachedNode(JsonNode json, NodeView view, NodeLedger ledger, long resourceVersion) {
    static CachedNode of(Cached<Node> n) {
      boolean ready = "True".equals(Json.conditionStatus(n.json(), ConditionTypes.READY));
      return new CachedNode(n.json(), NodeView.of(n.value(), ready), NodeLedger.of(n.json()), rv(n.json()));
    }
  }

  private final Map<String, CachedNode> nodes = new ConcurrentHashMap<>();
  private final Map<String, PlacedTask> bound = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<String, Cached<Task>> pending = new ConcurrentSkipListMap<>();
  private final Map<String, String> pendingOrder = new ConcurrentHashMap<>();
  /** Bumped whenever room may have appeared: a Node added or changed, a bound Task gone or ended. */
  private final AtomicLong roomEpoch = new AtomicLong();

  final CachedHandler<Node> nodeEvents = new CachedHandler<>() {
    @Override
    public void onAdd(Cached<Node> n) {
      offer(n);
    }

    @Override
    public void onUpdate(Cached<Node> previous, Cached<Node> n) {
      offer(n);
    }

    @Override
    public void onDelete(Cached<Node> n) {
      nodes.remove(Json.name(n.json()));
    }
  };

  final CachedHandler<Task> taskEvents = new CachedHandler<>() {
    @Override
    public void onAdd(Cached<Task> t) {
      task(t);
    }

    @Override
    public void onUpdate(Cached<Task> previous, Cached<Task> t) {
      task(t);
    }

    @Override
    public void onDelete(Cached<Task> t) {
      forget(key(t));
    }
  };

  /** Keeps a Node the scheduler wrote ({@code n} as the server answered) unless a newer copy is here. */
  void offerNode(JsonNode n) {
    offer(Cached.decode(n, Node.class));
  }

  private void offer(Cached<Node> n) {
    CachedNode fresh = CachedNode.of(n);
    String name = Json.name(n.json());
    CachedNode old = nodes.get(name);
    nodes.merge(name, fresh, (o, neu) -> neu.resourceVersion() >= o.resourceVersion() ? neu : o);
    if (old == null || !old.view().equals(fresh.view())) {
      roomEpoch.incrementAndGet();
    }
  }

  long roomEpoch() {
    return roomEpoch.get();
  }

  CachedNode node(String name) {
    return nodes.get(name);
  }

  Collection<CachedNode> nodes() {
    return nodes.values();
  }

  List<NodeView> nodeViews() {
    List<NodeView> out = new ArrayList<>(nodes.size());
    nodes.values().forEach(n -> out.add(n.view()));
    return out;
  }

  /** The live bound Tasks, keyed namespace/name. */
  Map<String, PlacedTask> bound() {
    return bound;
  }

  /** Up to {@code limit} live unbound Tasks, oldest first. */
  List<Cached<Task>> pending(int limit, Predicate<String> skip) {
    List<Cached<Task>> out = new ArrayList<>();
    for (Cached<Task> t : pending.values()) {
      if (out.size() >= limit) {
        break;
      }
      if (!skip.test(key(t))) {
        out.add(t);
      }
    }
    return out;
  }

  boolean isPending(String key) {
    return pendingOrder.containsKey(key);
  }

  /** Ledger entries the bound Tasks do not already account for. */
  List<PlacedTask> reservedOnly(BiPredicate<String, String> gone) {
    List<PlacedTask> out = new ArrayList<>();
    for (CachedNode n : nodes.values()) {
      String node = n.view().name();
      n.ledger().entries().forEach((task, e) -> {
        PlacedTask b = bound.get(task);
        if ((b == null || !b.node().equals(node)) && !gone.test(task, node)) {
          out.add(new PlacedTask(task, "reserved:" + task, node, e.cpuMillis(), e.memoryBytes(), e.diskBytes(),
              e.ports()));
        }
      });
    }
    return out;
  }

  private void task(Cached<Task> cached) {
    JsonNode t = cached.json();
    String key = key(t);
    String node = Json.nodeName(t);
    boolean terminal = TaskStates.terminal(Json.state(t));
    if (node != null && !terminal) {
      removePending(key);
      bound.put(key, held(cached, node));
    } else if (node == null && !terminal && !Json.deleting(t)) {
      if (bound.remove(key) != null) {
        roomEpoch.incrementAndGet();
      }
      String order = t.path("metadata").path("creationTimestamp").asText() + "/" + key;
      String previous = pendingOrder.put(key, order);
      if (previous != null && !previous.equals(order)) {
        pending.remove(previous);
      }
      pending.put(order, cached);
    } else {
      forget(key);
    }
  }

  private void forget(String key) {
    if (bound.remove(key) != null) {
      roomEpoch.incrementAndGet();
    }
    removePending(key);
  }

  private void removePending(String key) {
    String order = pendingOrder.remove(key);
    if (order != null) {
      pending.remove(order);
    }
  }

  /** What bound Task {@code t} holds on {@code node}. */
  static PlacedTask held(Cached<Task> cached, String node) {
    JsonNode t = cached.json();
    TaskToPlace ask = TaskToPlace.of(cached.value(), ownerId(t), List.of());
    Set<Integer> ports = new HashSet<>();
    t.path("spec").path("ports").forEach(p -> {
      if (p.hasNonNull("hostPort")) {
        ports.add(p.path("hostPort").asInt());
      }
    });
    return new PlacedTask(key(t), ask.owner(), node, ask.cpuMillis(), ask.memoryBytes(), ask.diskBytes(), ports);
  }

  /** The owning Service's uid, or the Task's own namespace/name when standalone. */
  static String ownerId(JsonNode t) {
    for (JsonNode ref : t.path("metadata").path("ownerReferences")) {
      if ("Service".equals(ref.path("kind").asText())) {
        return ref.path("uid").asText();
      }
    }
    return key(t);
  }

  static String key(JsonNode o) {
    return Json.namespace(o) + "/" + Json.name(o);
  }

  static String key(Cached<?> o) {
    return key(o.json());
  }

  static long rv(JsonNode o) {
    try {
      return Long.parseLong(o.path("metadata").path("resourceVersion").asText("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
