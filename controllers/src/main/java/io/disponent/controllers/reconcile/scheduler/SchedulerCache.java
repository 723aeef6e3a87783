package io.disponent.controllers.reconcile.scheduler;

import io.disponent.crds.vocab.ConditionTypes;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.crds.vocab.TaskStates;
import io.disponent.controllers.plan.placement.NodeView;
import io.disponent.controllers.plan.placement.PlacedTask;
import io.disponent.controllers.plan.placement.TaskToPlace;
import io.disponent.controllers.reconcile.Json;
import io.disponent.client.runtime.EventHandler;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Node;
import io.disponent.crds.model.Task;
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
    static CachedNode of(JsonNode n) {
      boolean ready = "True".equals(Json.conditionStatus(n, ConditionTypes.READY));
      return new CachedNode(n, NodeView.of(Models.read(n, Node.class), ready), NodeLedger.of(n), rv(n));
    }
  }

  private final Map<String, CachedNode> nodes = new ConcurrentHashMap<>();
  private final Map<String, PlacedTask> bound = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<String, JsonNode> pending = new ConcurrentSkipListMap<>();
  private final Map<String, String> pendingOrder = new ConcurrentHashMap<>();
  /** Bumped whenever room may have appeared: a Node added or changed, a bound Task gone or ended. */
  private final AtomicLong roomEpoch = new AtomicLong();

  final EventHandler nodeEvents = new EventHandler() {
    @Override
    public void onAdd(JsonNode n) {
      offerNode(n);
    }

    @Override
    public void onUpdate(JsonNode previous, JsonNode n) {
      offerNode(n);
    }

    @Override
    public void onDelete(JsonNode n) {
      nodes.remove(Json.name(n));
    }
  };

  final EventHandler taskEvents = new EventHandler() {
    @Override
    public void onAdd(JsonNode t) {
      task(t);
    }

    @Override
    public void onUpdate(JsonNode previous, JsonNode t) {
      task(t);
    }

    @Override
    public void onDelete(JsonNode t) {
      forget(key(t));
    }
  };

  /** Keeps {@code n} unless a newer copy of the Node is already here. */
  void offerNode(JsonNode n) {
    CachedNode fresh = CachedNode.of(n);
    CachedNode old = nodes.get(Json.name(n));
    nodes.merge(Json.name(n), fresh, (o, neu) -> neu.resourceVersion() >= o.resourceVersion() ? neu : o);
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
  List<JsonNode> pending(int limit, Predicate<String> skip) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode t : pending.values()) {
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

  private void task(JsonNode t) {
    String key = key(t);
    String node = Json.nodeName(t);
    boolean terminal = TaskStates.terminal(Json.state(t));
    if (node != null && !terminal) {
      removePending(key);
      bound.put(key, held(t, node));
    } else if (node == null && !terminal && !Json.deleting(t)) {
      if (bound.remove(key) != null) {
        roomEpoch.incrementAndGet();
      }
      String order = t.path("metadata").path("creationTimestamp").asText() + "/" + key;
      String previous = pendingOrder.put(key, order);
      if (previous != null && !previous.equals(order)) {
        pending.remove(previous);
      }
      pending.put(order, t);
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
  static PlacedTask held(JsonNode t, String node) {
    TaskToPlace ask = TaskToPlace.of(Models.read(t, Task.class), ownerId(t), List.of());
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

  static long rv(JsonNode o) {
    try {
      return Long.parseLong(o.path("metadata").path("resourceVersion").asText("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
