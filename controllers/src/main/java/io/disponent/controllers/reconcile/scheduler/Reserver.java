package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.ResourceClient;
import io.disponent.client.runtime.Cached;
import io.disponent.client.runtime.Informer;
import io.disponent.controllers.plan.placement.NodeView;
import io.disponent.controllers.plan.placement.PlacedTask;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Node;
import io.disponent.crds.model.Task;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.TaskStates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Adds a pass's placements on one Node to its {@link NodeLedger} with one compare-and-swap update of the Node:
 * the first try against the cached copy (no read), then on conflict against a fresh read, each time keeping
 * only the placements that still fit beside what the ledger and the Tasks bound there hold. This CAS is what
 * keeps racing schedulers from overcommitting a node.
 */
final class Reserver {
  private static final long PRUNE_AFTER_MS = 3_000;
  private static final int ATTEMPTS = 10;

  private final ResourceClient client;
  private final Informer<Task> tasks;
  private final SchedulerCache cache;
  private final Clock clock;
  private final BiPredicate<String, String> gone;

  Reserver(ResourceClient client, Informer<Task> tasks, SchedulerCache cache, Clock clock,
      BiPredicate<String, String> gone) {
    this.client = client;
    this.tasks = tasks;
    this.cache = cache;
    this.clock = clock;
    this.gone = gone;
  }

  /** The placements now reserved on {@code nodeName} (keys namespace/name of the Tasks). */
  List<PlacedTask> reserve(String nodeName, List<PlacedTask> placed) {
    SchedulerCache.CachedNode cached = cache.node(nodeName);
    JsonNode node = cached == null ? null : cached.json();
    NodeView nv = cached == null ? null : cached.view();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (node == null) {
        try {
          node = client.get(Gvr.NODES, null, nodeName);
        } catch (NotFoundException e) {
          return List.of();
        }
        nv = NodeView.of(Models.read(node, Node.class), true);
      }
      long now = clock.millis();
      Map<String, NodeLedger.Entry> entries = entries(node, nodeName, now);
      List<PlacedTask> accepted = new ArrayList<>();
      long cpu = sum(entries, NodeLedger.Entry::cpuMillis);
      long mem = sum(entries, NodeLedger.Entry::memoryBytes);
      long disk = sum(entries, NodeLedger.Entry::diskBytes);
      for (PlacedTask p : placed) {
        if (entries.containsKey(p.name())) {
          continue; // reserved by someone else already: the bind's CAS decides
        }
        boolean fits = cpu + p.cpuMillis() <= nv.cpuMillis() && mem + p.memoryBytes() <= nv.memoryBytes()
            && disk + p.diskBytes() <= nv.diskBytes() && p.hostPorts().stream().noneMatch(port -> inUse(entries, port));
        if (fits) {
          entries.put(p.name(), new NodeLedger.Entry(p.cpuMillis(), p.memoryBytes(), p.diskBytes(), p.hostPorts(), now));
          cpu += p.cpuMillis();
          mem += p.memoryBytes();
          disk += p.diskBytes();
          accepted.add(p);
        }
      }
      ObjectNode updated = node.deepCopy();
      ((ObjectNode) updated.path("metadata")).withObject("/annotations")
          .put(Annotations.RESERVATIONS, new NodeLedger(entries).toJson());
      try {
        cache.offerNode(client.update(Gvr.NODES, updated));
        return accepted;
      } catch (ConflictException e) {
        node = null;
      } catch (NotFoundException e) {
        return List.of();
      }
    }
    return List.of();
  }

  /** The ledger, pruned of old entries whose Tasks are gone, plus bound live Tasks it does not know. */
  private Map<String, NodeLedger.Entry> entries(JsonNode node, String nodeName, long now) {
    Map<String, NodeLedger.Entry> entries = new LinkedHashMap<>(NodeLedger.of(node).entries());
    entries.entrySet().removeIf(en -> now - en.getValue().at() > PRUNE_AFTER_MS && gone.test(en.getKey(), nodeName));
    for (Cached<Task> t : tasks.byIndexCached(Caches.BY_NODE, nodeName)) {
      String k = SchedulerCache.key(t);
      if (!entries.containsKey(k) && !TaskStates.terminal(Json.state(t.json()))) {
        PlacedTask held = cache.bound().get(k);
        held = held != null ? held : SchedulerCache.held(t, nodeName);
        entries.put(k, new NodeLedger.Entry(held.cpuMillis(), held.memoryBytes(), held.diskBytes(),
            held.hostPorts(), now));
      }
    }
    return entries;
  }

  private static long sum(Map<String, NodeLedger.Entry> entries, java.util.function.ToLongFunction<NodeLedger.Entry> f) {
    return entries.values().stream().mapToLong(f).sum();
  }

  private static boolean inUse(Map<String, NodeLedger.Entry> entries, int port) {
    return entries.values().stream().anyMatch(e -> e.ports() != null && e.ports().contains(port));
  }
}
