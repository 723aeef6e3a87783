package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The system-owned parts of an object on each kind of write, as the Kubernetes API server keeps
 * them: identity, timestamps, generation, and what the status subresource separates. Pure.
 */
public final class ObjectRules {

  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final String[] SYSTEM_FIELDS =
      {"uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds"};

  private ObjectRules() {}

  public static String timestamp(Instant now) {
    return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Checks the identity of a new object against the URL and fills in what the server owns.
   *
   * @param namespace the URL's namespace (null for cluster-scoped kinds)
   */
  public static void prepareForCreate(ResourceType type, ObjectNode obj, String namespace, Instant now,
      Supplier<String> uid, Random random) {
    checkTypeMeta(type, obj);
    ObjectNode meta = metadata(obj);
    if (type.namespaced()) {
      String inBody = meta.path("namespace").asText("");
      if (!inBody.isEmpty() && !inBody.equals(namespace)) {
        throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      meta.put("namespace", namespace);
    } else {
      meta.remove("namespace");
    }
    String name = meta.path("name").asText("");
    String generateName = meta.path("generateName").asText("");
    if (name.isEmpty() && !generateName.isEmpty()) {
      StringBuilder b = new StringBuilder(generateName.length() > 58 ? generateName.substring(0, 58) : generateName);
      for (int i = 0; i < 5; i++) {
        b.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
      }
      meta.put("name", b.toString());
    }
    if (!meta.path("resourceVersion").asText("").isEmpty()) {
      // Kubernetes refuses it too (with a 500): such an object was most likely copied from the server
      throw ApiException.badRequest("resourceVersion should not be set on objects to be created");
    }
    meta.remove("resourceVersion");
    meta.remove("selfLink");
    meta.remove("deletionTimestamp");
    meta.remove("deletionGracePeriodSeconds");
    meta.put("uid", uid.get());
    meta.put("creationTimestamp", timestamp(now));
    meta.put("generation", 1);
    if (type.statusSubresource()) {
      obj.remove("status");
    }
  }

  /** A main-resource update: identity, generation and status stay the old ones (see {@link #bumpGeneration}). */
  public static void prepareForUpdate(ResourceType type, ObjectNode obj, JsonNode old) {
    checkTypeMeta(type, obj);
    ObjectNode meta = metadata(obj);
    JsonNode oldMeta = old.path("metadata");
    String name = meta.path("name").asText("");
    if (!name.isEmpty() && !name.equals(oldMeta.path("name").asText())) {
      throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
          + oldMeta.path("name").asText() + ")");
    }
    String ns = meta.path("namespace").asText("");
    if (type.namespaced() && !ns.isEmpty() && !ns.equals(oldMeta.path("namespace").asText())) {
      throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    meta.put("name", oldMeta.path("name").asText());
    if (type.namespaced()) {
      meta.put("namespace", oldMeta.path("namespace").asText());
    }
    for (String f : SYSTEM_FIELDS) {
      copyField(oldMeta, meta, f);
    }
    meta.remove("selfLink");
    if (type.statusSubresource()) {
      obj.remove("status");
      if (old.has("status")) {
        obj.set("status", old.get("status").deepCopy());
      }
    }
  }

  /**
   * Bumps generation when the spec changed. Called after admission has filled defaults: before it, a manifest that
   * omits a defaulted field (ports[].protocol) would always look changed, and re-applying it would not be a no-op.
   */
  public static void bumpGeneration(ResourceType type, ObjectNode obj, JsonNode old) {
    if (specChanged(type, old, obj)) {
      metadata(obj).put("generation", old.path("metadata").path("generation").asLong(1) + 1);
    }
  }

  /** A status update: everything but status (and managedFields) stays the old object's. */
  public static ObjectNode prepareForStatusUpdate(ObjectNode obj, JsonNode old) {
    ObjectNode result = (ObjectNode) old.deepCopy();
    result.remove("status");
    if (obj.has("status")) {
      result.set("status", obj.get("status"));
    }
    JsonNode managed = obj.path("metadata").get("managedFields");
    if (managed != null) {
      metadata(result).set("managedFields", managed);
    }
    return result;
  }

  /** Whether anything outside metadata (and status, when it is a subresource) changed. */
  public static boolean specChanged(ResourceType type, JsonNode old, JsonNode obj) {
    for (Iterator<String> it = union(old, obj); it.hasNext(); ) {
      String field = it.next();
      if (field.equals("metadata") || field.equals("apiVersion") || field.equals("kind")
          || (field.equals("status") && type.statusSubresource())) {
        continue;
      }
      if (!sameValue(old.get(field), obj.get(field))) {
        return true;
      }
    }
    return false;
  }

  /** JSON equality with numbers compared by value (3 equals 3.0 and a long 3). */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return io.disponent.apiserver.internal.schema.JsonEquality.equal(a, b);
  }

  public static ObjectNode metadata(ObjectNode obj) {
    JsonNode meta = obj.get("metadata");
    if (meta instanceof ObjectNode m) {
      return m;
    }
    if (meta != null && !meta.isNull()) {
      throw ApiException.badRequest("metadata must be an object");
    }
    return obj.putObject("metadata");
  }

  /** apiVersion and kind must name this type (they may be omitted and are filled in). */
  public static void checkTypeMeta(ResourceType type, ObjectNode obj) {
    String apiVersion = obj.path("apiVersion").asText("");
    String kind = obj.path("kind").asText("");
    if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw ApiException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + type.apiVersion() + ")");
    }
    if (!kind.isEmpty() && !kind.equals(type.kind())) {
      throw ApiException.badRequest("the kind in the data (" + kind + ") does not match the expected kind ("
          + type.kind() + ")");
    }
    ObjectNode ordered = obj.objectNode();
    ordered.put("apiVersion", type.apiVersion());
    ordered.put("kind", type.kind());
    obj.remove("apiVersion");
    obj.remove("kind");
    ordered.setAll(obj);
    obj.removeAll();
    obj.setAll(ordered);
  }

  private static void copyField(JsonNode from, ObjectNode to, String field) {
    JsonNode v = from.get(field);
    if (v == null) {
      to.remove(field);
    } else {
      to.set(field, v.deepCopy());
    }
  }

  private static Iterator<String> union(JsonNode a, JsonNode b) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    a.fieldNames().forEachRemaining(names::add);
    b.fieldNames().forEachRemaining(names::add);
    return names.iterator();
  }
}
