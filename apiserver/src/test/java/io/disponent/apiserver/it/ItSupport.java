package io.disponent.apiserver.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.store.KeyValue;
import io.disponent.store.RangeRequest;
import io.disponent.store.Store;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Shared bodies and store reads of the integration tests. */
final class ItSupport {

  static final String SERVICES = "/apis/disponent.io/v1/namespaces/%s/services";

  private ItSupport() {}

  static String services(String ns) {
    return SERVICES.formatted(ns);
  }

  static String service(String ns, String name) {
    return services(ns) + "/" + name;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A valid Service body. */
  static ObjectNode serviceBody(String name, Map<String, String> labels, int instances) {
    ObjectNode o = Http.JSON.createObjectNode();
    o.put("apiVersion", "disponent.io/v1");
    o.put("kind", "Service");
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    if (labels != null && !labels.isEmpty()) {
      ObjectNode l = meta.putObject("labels");
      labels.forEach(l::put);
    }
    ObjectNode spec = o.putObject("spec");
    spec.put("instances", instances);
    spec.putObject("template").putObject("spec").putArray("command").add("sleep").add("3600");
    return o;
  }

  static String json(JsonNode n) {
    return n.toString();
  }

  /** Creates a namespace (201 expected). */
  static void namespace(Http http, String name) {
    Http.Response r = http.post("/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
    if (r.code() != 201) {
      throw new AssertionError("namespace " + name + ": " + r.code() + " " + r.text());
    }
  }

  static JsonNode create(Http http, String ns, ObjectNode body) {
    Http.Response r = http.post(services(ns), body.toString());
    if (r.code() != 201) {
      throw new AssertionError("create: " + r.code() + " " + r.text());
    }
    return r.json();
  }

  static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(i.path("metadata").path("name").asText()));
    return out;
  }

  static List<KeyValue> storeRange(Store store, String prefix) {
    try {
      return store.range(RangeRequest.prefix(prefix)).get(10, TimeUnit.SECONDS).kvs();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long storeRevision(Store store) {
    try {
      return store.range(RangeRequest.prefix("/").withCountOnly()).get(10, TimeUnit.SECONDS).revision();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String storeKey(String ns, String name) {
    return "/registry/disponent.io/services/" + ns + "/" + name;
  }

  static void compact(Store store, long revision) {
    try {
      store.compact(revision).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
