package io.disponent.controllers.reconcile.gc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ApiResource;
import io.disponent.client.ConflictException;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventHandler;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Informer;
import io.disponent.client.runtime.Key;
import io.disponent.client.runtime.Reconciler;
import io.disponent.client.runtime.Result;
import io.disponent.client.runtime.ServedResources;
import io.disponent.controllers.plan.gc.GcAction;
import io.disponent.controllers.plan.gc.GcNode;
import io.disponent.controllers.plan.gc.GcPlanner;
import io.disponent.controllers.plan.gc.OwnerGraph;
import io.disponent.controllers.plan.gc.OwnerRef;
import io.disponent.controllers.plan.gc.OwnerScope;
import io.disponent.controllers.plan.gc.Verified;
import io.disponent.controllers.reconcile.Json;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes' garbage collector over every served resource that can be listed, watched and deleted
 * (discovered, so kinds that CRDs add later are followed too): one informer per resource feeds the
 * {@link OwnerGraph}; a key is an object's uid; {@link GcPlanner} decides, this class reads owners the graph
 * lacks from the server and writes the decisions (deletes with a uid precondition, owner reference and
 * finalizer patches with a resourceVersion precondition; a conflict plans again).
 */
public final class GarbageCollector implements Reconciler {
  private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);
  private static final Duration DISCOVERY_PERIOD = Duration.ofSeconds(30);
  private static final int ABSENT_REMEMBERED = 100_000;

  private final ApiClient client;
  private final EventRecorder events;
  private final OwnerGraph graph = new OwnerGraph();
  private final Map<Gvr, Informer<JsonNode>> informers = new ConcurrentHashMap<>();
  private final Map<Gvr, ApiResource> followed = new ConcurrentHashMap<>();
  private final Set<String> absent = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > ABSENT_REMEMBERED;
        }
      }));
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private Controller controller;
  private ServedResources served;

  public GarbageCollector(ApiClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  /** The controller; it discovers the served resources and starts following them at once. */
  public Controller controller(int workers) {
    controller = Controller.builder("garbage-collector", this).workers(workers).onClose(this::stop).build();
    served = ServedResources.start(client, DISCOVERY_PERIOD, this::follow);
    return controller;
  }

  /** The number of objects in the graph, for tests and benchmarks. */
  public int graphSize() {
    synchronized (graph) {
      return graph.size();
    }
  }

  @Override
  public Result reconcile(Key key) {
    if (!informers.values().stream().allMatch(Informer::hasSynced)) {
      return Result.requeueAfter(Duration.ofMillis(200));
    }
    Set<String> present = new HashSet<>();
    for (int round = 0; round < 3; round++) {
      List<GcAction> actions;
      synchronized (graph) {
        actions = GcPlanner.plan(graph, key.name(), new Verified(absent, present), this::scope);
      }
      boolean verified = false;
      for (GcAction action : actions) {
        if (action instanceof GcAction.VerifyOwner v) {
          verify(v, present);
          verified = true;
        } else if (action instanceof GcAction.Delete d) {
          delete(d);
        } else if (action instanceof GcAction.PatchOwnerRefs p && !patchOwnerRefs(p)) {
          return Result.requeue();
        } else if (action instanceof GcAction.RemoveFinalizer f && !removeFinalizer(f)) {
          return Result.requeue();
        } else if (action instanceof GcAction.WarnInvalidOwnerRef w) {
          warn(w);
        }
      }
      if (!verified) {
        return Result.done();
      }
    }
    return Result.requeue();
  }

  private OwnerScope scope(OwnerRef ref) {
    return served.byKind(ref.group(), ref.kind())
        .map(r -> r.gvr().namespaced() ? OwnerScope.NAMESPACED : OwnerScope.CLUSTER).orElse(OwnerScope.UNKNOWN);
  }

  private void verify(GcAction.VerifyOwner v, Set<String> present) {
    Optional<ApiResource> resource = served.byKind(v.owner().group(), v.owner().kind());
    if (resource.isEmpty()) {
      present.add(v.owner().uid());
      return;
    }
    try {
      JsonNode live = client.get(resource.get().gvr(), v.namespace(), v.owner().name());
      if (v.owner().uid().equals(Json.uid(live))) {
        present.add(v.owner().uid());
        return;
      }
    } catch (NotFoundException e) {
      // gone
    }
    absent.add(v.owner().uid());
  }

  private void delete(GcAction.Delete d) {
    GcNode n = d.node();
    try {
      client.delete(n.gvr(), n.namespace(), n.name(), new DeleteOptions(d.propagationPolicy(), n.uid(), null));
      log.debug("gc: deleted {} ({}), its owners are gone", n.describe(), d.propagationPolicy());
    } catch (NotFoundException | ConflictException e) {
      // gone, or another object of that name now
    }
  }

  private boolean patchOwnerRefs(GcAction.PatchOwnerRefs p) {
    JsonNode current = json(p.node());
    if (current == null) {
      return true;
    }
    ArrayNode refs = Json.object().arrayNode();
    for (JsonNode r : current.path("metadata").path("ownerReferences")) {
      String uid = r.path("uid").asText();
      if (p.remove().contains(uid)) {
        continue;
      }
      refs.add(p.unblock().contains(uid) ? ((ObjectNode) r.deepCopy()).put("blockOwnerDeletion", false) : r);
    }
    ObjectNode patch = Json.object();
    patch.putObject("metadata").put("resourceVersion", Json.resourceVersion(current)).set("ownerReferences", refs);
    return write(p.node(), patch);
  }

  private boolean removeFinalizer(GcAction.RemoveFinalizer f) {
    JsonNode current = json(f.node());
    if (current == null) {
      return true;
    }
    List<String> finalizers = Json.finalizers(current);
    finalizers.remove(f.finalizer());
    ObjectNode patch = Json.finalizersPatch(finalizers);
    ((ObjectNode) patch.path("metadata")).put("resourceVersion", Json.resourceVersion(current));
    return write(f.node(), patch);
  }

  /** A merge patch with a resourceVersion precondition; false on a conflict (plan again). */
  private boolean write(GcNode n, ObjectNode patch) {
    try {
      client.patch(n.gvr(), n.namespace(), n.name(), PatchType.MERGE, patch);
      return true;
    } catch (NotFoundException e) {
      return true;
    } catch (ConflictException e) {
      return false;
    }
  }

  private void warn(GcAction.WarnInvalidOwnerRef w) {
    JsonNode dependent = json(w.dependent());
    if (dependent != null && warned.add(w.dependent().uid() + "/" + w.owner().uid())) {
      events.warning(dependent, GcAction.WarnInvalidOwnerRef.REASON, w.message());
    }
  }

  private JsonNode json(GcNode n) {
    Informer<JsonNode> inf = informers.get(n.gvr());
    JsonNode j = inf == null ? null : inf.getJson(n.namespace(), n.name()).orElse(null);
    return j != null && n.uid().equals(Json.uid(j)) ? j : null;
  }

  // ---- the graph, fed by one informer per followed resource

  private synchronized void follow(List<ApiResource> resources) {
    if (controller == null) {
      return;
    }
    Map<Gvr, ApiResource> next = new LinkedHashMap<>();
    resources.stream().filter(ApiResource::collectable).forEach(r -> next.put(r.gvr(), r));
    for (Gvr gone : Set.copyOf(followed.keySet())) {
      if (!next.containsKey(gone)) {
        unfollow(gone);
      }
    }
    for (ApiResource r : next.values()) {
      if (followed.putIfAbsent(r.gvr(), r) == null) {
        Informer<JsonNode> inf = Informer.of(client, r.gvr());
        inf.addHandler(new Feed(r));
        informers.put(r.gvr(), inf);
        inf.start();
      }
    }
    // a kind served now may turn an owner of unknown scope into one to verify
    synchronized (graph) {
      graph.nodes().stream().filter(n -> !n.owners().isEmpty()).forEach(n -> enqueue(n.uid()));
    }
  }

  private void unfollow(Gvr gvr) {
    followed.remove(gvr);
    Informer<JsonNode> inf = informers.remove(gvr);
    if (inf != null) {
      inf.close();
    }
    synchronized (graph) {
      graph.nodes().stream().filter(n -> n.gvr().equals(gvr)).forEach(n -> removed(n.uid()));
    }
  }

  private synchronized void stop() {
    if (served != null) {
      served.close();
    }
    informers.values().forEach(Informer::close);
    informers.clear();
    followed.clear();
    controller = null;
  }

  private void enqueue(String uid) {
    Controller c = controller;
    if (c != null) {
      c.enqueue(new Key(null, uid));
    }
  }

  /** Under the graph lock. */
  private void changed(GcNode node) {
    Optional<GcNode> before = graph.put(node);
    if (!node.owners().isEmpty() || node.deleting()) {
      enqueue(node.uid());
    }
    boolean startedDeleting = node.deleting()
        && (before.isEmpty() || !before.get().deleting() || !before.get().finalizers().equals(node.finalizers()));
    if (startedDeleting) {
      graph.dependents(node.uid()).forEach(d -> enqueue(d.uid()));
    }
    before.ifPresent(this::enqueueDeletingOwners);
    enqueueDeletingOwners(node);
  }

  /** Under the graph lock. */
  private void removed(String uid) {
    graph.remove(uid).ifPresent(gone -> {
      graph.dependents(uid).forEach(d -> enqueue(d.uid()));
      enqueueDeletingOwners(gone);
    });
  }

  private void enqueueDeletingOwners(GcNode node) {
    for (OwnerRef ref : node.owners()) {
      graph.get(ref.uid()).filter(GcNode::deleting).ifPresent(o -> enqueue(o.uid()));
    }
  }

  private final class Feed implements EventHandler {
    private final ApiResource resource;

    Feed(ApiResource resource) {
      this.resource = resource;
    }

    @Override
    public void onAdd(JsonNode object) {
      synchronized (graph) {
        changed(GcNodes.of(resource, object));
      }
    }

    @Override
    public void onUpdate(JsonNode previous, JsonNode current) {
      synchronized (graph) {
        if (!Json.uid(previous).equals(Json.uid(current))) {
          removed(Json.uid(previous));
        }
        changed(GcNodes.of(resource, current));
      }
    }

    @Override
    public void onDelete(JsonNode object) {
      synchronized (graph) {
        removed(Json.uid(object));
      }
    }
  }
}
