package io.disponent.controllers.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Models;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small reads and edits of object trees that the reconcilers share. */
public final class Json {
  /** The finalizer an agent puts on the Tasks it started. */

  private Json() {}

  public static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  public static String namespace(JsonNode o) {
    String ns = o.path("metadata").path("namespace").asText("");
    return ns.isEmpty() ? null : ns;
  }

  public static String uid(JsonNode o) {
    return o.path("metadata").path("uid").asText();
  }

  public static String resourceVersion(JsonNode o) {
    return o.path("metadata").path("resourceVersion").asText();
  }

  public static boolean deleting(JsonNode o) {
    return o.path("metadata").hasNonNull("deletionTimestamp");
  }

  public static String nodeName(JsonNode task) {
    String n = task.path("spec").path("nodeName").asText("");
    return n.isEmpty() ? null : n;
  }

  public static String state(JsonNode task) {
    String s = task.path("status").path("state").asText("");
    return s.isEmpty() ? null : s;
  }

  public static String annotation(JsonNode o, String key) {
    JsonNode v = o.path("metadata").path("annotations").path(key);
    return v.isTextual() ? v.asText() : null;
  }

  public static List<String> finalizers(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  /** The conditions of an object's status. */
  public static List<Condition> conditions(JsonNode o) {
    List<Condition> out = new ArrayList<>();
    o.path("status").path("conditions").forEach(c -> out.add(Models.read(c, Condition.class)));
    return out;
  }

  public static String conditionStatus(JsonNode o, String type) {
    for (JsonNode c : o.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c.path("status").asText();
      }
    }
    return null;
  }

  /** A merge patch {@code {"status": {...}}}. */
  public static ObjectNode statusPatch(ObjectNode status) {
    ObjectNode p = Models.MAPPER.createObjectNode();
    p.set("status", status);
    return p;
  }

  public static ArrayNode array(List<?> values) {
    return Models.MAPPER.valueToTree(values);
  }

  public static ObjectNode object() {
    return Models.MAPPER.createObjectNode();
  }

  /** A merge patch setting {@code metadata.finalizers} to {@code finalizers}. */
  public static ObjectNode finalizersPatch(List<String> finalizers) {
    ObjectNode p = object();
    p.putObject("metadata").set("finalizers", array(finalizers));
    return p;
  }

  public static Instant time(JsonNode v) {
    return v == null || !v.isTextual() || v.asText().isEmpty() ? null : Instant.parse(v.asText());
  }
}
