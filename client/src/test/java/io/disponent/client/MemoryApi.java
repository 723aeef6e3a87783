package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.crds.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server in memory for unit tests of code written against {@link ResourceClient}: objects by resource,
 * namespace and name, one resourceVersion counter, 409 on a stale update, merge patches, and watches that
 * replay what happened after their resourceVersion. Status writes touch only {@code status}. Thread-safe
 * (one lock); watch handlers are called under it, in order.
 */
public final class MemoryApi implements ResourceClient {
  private record Change(long rv, Gvr gvr, String type, JsonNode object) {}

  private record Watcher(Gvr gvr, String namespace, WatchHandler handler) {}

  private final Map<String, JsonNode> objects = new TreeMap<>();
  private final List<Change> log = new ArrayList<>();
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private final AtomicInteger writes = new AtomicInteger();
  private long rv;

  /** How many writes reached this server. */
  public int writes() {
    return writes.get();
  }

  @Override
  public synchronized JsonNode get(Gvr gvr, String namespace, String name) {
    JsonNode o = objects.get(key(gvr, namespace, name));
    if (o == null) {
      throw ApiException.of("get " + name, new Status(404, "NotFound", name + " not found"), null);
    }
    return o.deepCopy();
  }

  @Override
  public synchronized ObjectList list(Gvr gvr, String namespace, String labelSelector, String fieldSelector) {
    List<JsonNode> items = new ArrayList<>();
    objects.forEach((k, o) -> {
      if (k.startsWith(prefix(gvr, namespace))) {
        items.add(o.deepCopy());
      }
    });
    return new ObjectList(items, String.valueOf(rv));
  }

  @Override
  public synchronized Watch watch(Gvr gvr, String namespace, String labelSelector, String fieldSelector,
      String resourceVersion, WatchHandler handler) {
    long from = resourceVersion == null || resourceVersion.isEmpty() ? rv : Long.parseLong(resourceVersion);
    Watcher w = new Watcher(gvr, namespace, handler);
    for (Change c : log) {
      if (c.rv() > from && matches(w, c)) {
        handler.onEvent(new WatchEvent(c.type(), c.object()));
      }
    }
    watchers.add(w);
    return () -> watchers.remove(w);
  }

  @Override
  public synchronized JsonNode create(Gvr gvr, String namespace, JsonNode object) {
    ObjectNode o = object.deepCopy();
    ObjectNode meta = o.withObject("/metadata");
    if (!meta.hasNonNull("name")) {
      meta.put("name", meta.path("generateName").asText("obj-") + UUID.randomUUID().toString().substring(0, 5));
    }
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    String k = key(gvr, namespace, meta.path("name").asText());
    if (objects.containsKey(k)) {
      throw ApiException.of("create", new Status(409, "AlreadyExists", k + " exists"), null);
    }
    meta.put("uid", UUID.randomUUID().toString());
    return store(gvr, k, o, "ADDED");
  }

  @Override
  public synchronized JsonNode update(Gvr gvr, JsonNode object) {
    JsonNode current = get(gvr, ns(object), object.path("metadata").path("name").asText());
    if (!current.path("metadata").path("resourceVersion").equals(object.path("metadata").path("resourceVersion"))) {
      throw ApiException.of("update", new Status(409, "Conflict", "stale resourceVersion"), null);
    }
    ObjectNode o = object.deepCopy();
    o.remove("status");
    if (current.has("status")) {
      o.set("status", current.get("status").deepCopy());
    }
    return store(gvr, key(gvr, ns(object), object.path("metadata").path("name").asText()), o, "MODIFIED");
  }

  @Override
  public synchronized JsonNode patch(Gvr gvr, String namespace, String name, PatchType type, JsonNode patch) {
    ObjectNode o = (ObjectNode) get(gvr, namespace, name);
    merge(o, patch);
    return store(gvr, key(gvr, namespace, name), o, "MODIFIED");
  }

  @Override
  public JsonNode apply(Gvr gvr, JsonNode object, String fieldManager, boolean force) {
    throw new UnsupportedOperationException("memory api: no server-side apply");
  }

  @Override
  public synchronized JsonNode delete(Gvr gvr, String namespace, String name, DeleteOptions options) {
    JsonNode o = get(gvr, namespace, name);
    objects.remove(key(gvr, namespace, name));
    record(gvr, "DELETED", o);
    return o;
  }

  @Override
  public synchronized JsonNode updateStatus(Gvr gvr, JsonNode object) {
    ObjectNode o = (ObjectNode) get(gvr, ns(object), object.path("metadata").path("name").asText());
    o.set("status", object.path("status").deepCopy());
    return store(gvr, key(gvr, ns(object), object.path("metadata").path("name").asText()), o, "MODIFIED");
  }

  @Override
  public synchronized JsonNode patchStatus(Gvr gvr, String namespace, String name, PatchType type, JsonNode patch) {
    ObjectNode o = (ObjectNode) get(gvr, namespace, name);
    ObjectNode status = o.withObject("/status");
    merge(status, patch.path("status"));
    return store(gvr, key(gvr, namespace, name), o, "MODIFIED");
  }

  private JsonNode store(Gvr gvr, String k, ObjectNode o, String type) {
    writes.incrementAndGet();
    o.withObject("/metadata").put("resourceVersion", String.valueOf(++rv));
    objects.put(k, o);
    JsonNode copy = o.deepCopy();
    record(gvr, type, copy);
    return copy.deepCopy();
  }

  private void record(Gvr gvr, String type, JsonNode o) {
    Change c = new Change(rv, gvr, type, o);
    log.add(c);
    for (Watcher w : watchers) {
      if (matches(w, c)) {
        w.handler().onEvent(new WatchEvent(type, o));
      }
    }
  }

  private static boolean matches(Watcher w, Change c) {
    return w.gvr().equals(c.gvr()) && (w.namespace() == null || w.namespace().equals(ns(c.object())));
  }

  /** RFC 7386: null removes, objects merge, anything else replaces. */
  private static void merge(ObjectNode target, JsonNode patch) {
    patch.fields().forEachRemaining(f -> {
      if (f.getValue().isNull()) {
        target.remove(f.getKey());
      } else if (f.getValue().isObject() && target.path(f.getKey()).isObject()) {
        merge((ObjectNode) target.get(f.getKey()), f.getValue());
      } else {
        target.set(f.getKey(), f.getValue().deepCopy());
      }
    });
  }

  private static String ns(JsonNode o) {
    String ns = o.path("metadata").path("namespace").asText("");
    return ns.isEmpty() ? null : ns;
  }

  private static String prefix(Gvr gvr, String namespace) {
    return gvr.plural() + "/" + (namespace == null ? "" : namespace + "/");
  }

  private static String key(Gvr gvr, String namespace, String name) {
    return gvr.plural() + "/" + (namespace == null ? "" : namespace + "/") + name;
  }

  /** A Task object in {@code namespace}, as a client would create it. */
  public static ObjectNode task(String namespace, String name, String nodeName) {
    ObjectNode t = Models.MAPPER.createObjectNode().put("apiVersion", "disponent.io/v1").put("kind", "Task");
    t.putObject("metadata").put("name", name).put("namespace", namespace);
    ObjectNode spec = t.putObject("spec").put("shell", "sleep 1");
    if (nodeName != null) {
      spec.put("nodeName", nodeName);
    }
    return t;
  }
}
