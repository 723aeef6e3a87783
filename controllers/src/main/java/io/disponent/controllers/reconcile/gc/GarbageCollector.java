package io.disponent.controllers.reconcile.gc;

import io.disponent.crds.vocab.Finalizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.ResourceClient;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Key;
import io.disponent.client.runtime.Reconciler;
import io.disponent.client.runtime.Result;
import java.time.Duration;
import java.util.List;

/**
 * Owner references between Services and Tasks. Keys are {@code service:<name>} or {@code task:<name>} in the
 * object's namespace. A Task whose owning Service is gone (checked against the server, not only the cache) is
 * deleted in the background. A Service being deleted with {@code foregroundDeletion} loses that finalizer once
 * its Tasks are gone (they are deleted first); with {@code orphan}, its Tasks lose their owner reference, then
 * the Service its finalizer.
 */
public final class GarbageCollector implements Reconciler {

  private final ResourceClient client;
  private final Caches caches;
  private final EventRecorder events;

  public GarbageCollector(ResourceClient client, Caches caches, EventRecorder events) {
    this.client = client;
    this.caches = caches;
    this.events = events;
  }

  public Controller controller(int workers) {
    return Controller.builder("garbage-collector", this).workers(workers)
        .watches(caches.services, s -> {
          List<Key> keys = new java.util.ArrayList<>();
          keys.add(new Key(Json.namespace(s), "service:" + Json.name(s)));
          caches.tasks.byIndexCached(Caches.BY_OWNER, Json.uid(s))
              .forEach(t -> keys.add(new Key(Json.namespace(t.json()), "task:" + Json.name(t.json()))));
          return keys;
        })
        .watches(caches.tasks, t -> t.path("metadata").path("ownerReferences").isEmpty() ? List.of()
            : List.of(new Key(Json.namespace(t), "task:" + Json.name(t))))
        .build();
  }

  @Override
  public Result reconcile(Key key) {
    if (key.name().startsWith("task:")) {
      return task(key.namespace(), key.name().substring(5));
    }
    return service(key.namespace(), key.name().substring(8));
  }

  private Result task(String ns, String name) {
    JsonNode t = caches.tasks.getJson(ns, name).orElse(null);
    if (t == null || Json.deleting(t)) {
      return Result.done();
    }
    for (JsonNode ref : t.path("metadata").path("ownerReferences")) {
      if (!"Service".equals(ref.path("kind").asText())) {
        continue;
      }
      String uid = ref.path("uid").asText();
      JsonNode cached = caches.services.getJson(ns, ref.path("name").asText()).orElse(null);
      if (cached != null && uid.equals(Json.uid(cached))) {
        return Result.done();
      }
      try {
        JsonNode live = client.get(Gvr.SERVICES, ns, ref.path("name").asText());
        if (uid.equals(Json.uid(live))) {
          return Result.done();
        }
      } catch (NotFoundException e) {
        // the owner is gone
      }
      try {
        client.delete(Gvr.TASKS, ns, name, DeleteOptions.propagation("Background"));
        events.normal(t, "Killing", "owner service " + ref.path("name").asText() + " is gone");
      } catch (NotFoundException e) {
        // gone
      }
    }
    return Result.done();
  }

  private Result service(String ns, String name) {
    JsonNode s = caches.services.getJson(ns, name).orElse(null);
    if (s == null || !Json.deleting(s)) {
      return Result.done();
    }
    List<String> finalizers = Json.finalizers(s);
    List<JsonNode> dependents = client.list(Gvr.TASKS, ns, null, null).items().stream()
        .filter(t -> ownedBy(t, Json.uid(s))).toList();
    if (finalizers.contains(Finalizers.ORPHAN)) {
      for (JsonNode t : dependents) {
        ArrayNode refs = Json.object().arrayNode();
        t.path("metadata").path("ownerReferences").forEach(r -> {
          if (!Json.uid(s).equals(r.path("uid").asText())) {
            refs.add(r);
          }
        });
        ObjectNode p = Json.object();
        p.putObject("metadata").set("ownerReferences", refs);
        try {
          client.patch(Gvr.TASKS, ns, Json.name(t), PatchType.MERGE, p);
        } catch (NotFoundException e) {
          // gone
        }
      }
      finalizers.remove(Finalizers.ORPHAN);
      client.patch(Gvr.SERVICES, ns, name, PatchType.MERGE, Json.finalizersPatch(finalizers));
      return Result.done();
    }
    if (finalizers.contains(Finalizers.FOREGROUND_DELETION)) {
      if (dependents.isEmpty()) {
        finalizers.remove(Finalizers.FOREGROUND_DELETION);
        client.patch(Gvr.SERVICES, ns, name, PatchType.MERGE, Json.finalizersPatch(finalizers));
        return Result.done();
      }
      for (JsonNode t : dependents) {
        if (!Json.deleting(t)) {
          try {
            client.delete(Gvr.TASKS, ns, Json.name(t), DeleteOptions.DEFAULT);
          } catch (NotFoundException e) {
            // gone
          }
        }
      }
      return Result.requeueAfter(Duration.ofMillis(500));
    }
    return Result.done();
  }

  private static boolean ownedBy(JsonNode t, String uid) {
    for (JsonNode r : t.path("metadata").path("ownerReferences")) {
      if (uid.equals(r.path("uid").asText())) {
        return true;
      }
    }
    return false;
  }
}
