package io.disponent.apiserver.it;

import static io.disponent.apiserver.it.ItSupport.enc;
import static io.disponent.apiserver.it.ItSupport.namespace;
import static io.disponent.apiserver.it.ItSupport.service;
import static io.disponent.apiserver.it.ItSupport.serviceBody;
import static io.disponent.apiserver.it.ItSupport.services;
import static io.disponent.apiserver.it.ItSupport.storeRevision;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of bad requests: each answers the right code, Status reason and causes, stores nothing
 * (the store's revision does not move) and leaves the server serving.
 */
class BadRequestsIT {

  static final String NS = "bad";
  static final String S = services(NS);
  static final String EXISTING = service(NS, "existing");
  static final String JSON = "application/json";
  static final String MERGE = "application/merge-patch+json";
  static final String JSON_PATCH = "application/json-patch+json";

  @TempDir static Path dir;
  static ServerFixture fixture;
  static Http http;

  @BeforeAll
  static void start() {
    fixture = ServerFixture.start(dir);
    http = fixture.http();
    namespace(http, NS);
    ItSupport.create(http, NS, serviceBody("existing", Map.of("app", "x"), 1));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** One bad request and what it must answer. */
  record Case(String name, String method, String path, String contentType, Supplier<byte[]> body, int code,
      String reason, List<String> causes, String messagePart, boolean writes, String mustNotExist) {
    @Override
    public String toString() {
      return name;
    }

    Case causes(String... reasonAtField) {
      return new Case(name, method, path, contentType, body, code, reason, List.of(reasonAtField), messagePart, writes,
          mustNotExist);
    }

    Case message(String part) {
      return new Case(name, method, path, contentType, body, code, reason, causes, part, writes, mustNotExist);
    }

    Case absent(String serviceName) {
      return new Case(name, method, path, contentType, body, code, reason, causes, messagePart, writes, serviceName);
    }

    Case writing() {
      return new Case(name, method, path, contentType, body, code, reason, causes, messagePart, true, mustNotExist);
    }
  }

  static Case c(String name, String method, String path, String contentType, String body, int code, String reason) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    return new Case(name, method, path, contentType, () -> bytes, code, reason, null, null, false, null);
  }

  static Case bytes(String name, String method, String path, String contentType, Supplier<byte[]> body, int code,
      String reason) {
    return new Case(name, method, path, contentType, body, code, reason, null, null, false, null);
  }

  /** A Service named {@code name} with an edit applied to it, as a create. */
  static Case createCase(String caseName, String name, Consumer<ObjectNode> edit, int code, String reason) {
    ObjectNode o = serviceBody(name, null, 1);
    edit.accept(o);
    return c(caseName, "POST", S, JSON, o.toString(), code, reason).absent(name);
  }

  static ObjectNode spec(ObjectNode o) {
    return (ObjectNode) o.path("spec");
  }

  static ObjectNode taskSpec(ObjectNode o) {
    return (ObjectNode) o.path("spec").path("template").path("spec");
  }

  static ObjectNode meta(ObjectNode o) {
    return (ObjectNode) o.path("metadata");
  }

  static ArrayNode ports(ObjectNode o, String... names) {
    ArrayNode ports = taskSpec(o).putArray("ports");
    for (String n : names) {
      ports.addObject().put("name", n);
    }
    return ports;
  }

  static String existingWith(Consumer<ObjectNode> edit) {
    ObjectNode o = http.get(EXISTING).json().deepCopy();
    edit.accept(o);
    return o.toString();
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // Bodies the server cannot or will not read.
    cases.add(bytes("body over 3 MiB", "POST", S, JSON, () -> {
      String pad = "x".repeat(3 * 1024 * 1024);
      ObjectNode o = serviceBody("huge", null, 1);
      meta(o).putObject("annotations").put("pad", pad);
      return o.toString().getBytes(StandardCharsets.UTF_8);
    }, 413, "RequestEntityTooLarge").absent("huge"));
    cases.add(c("malformed JSON", "POST", S, JSON,
        "{\"apiVersion\": \"disponent.io/v1\",\n  \"kind\": \"Service\",\n  \"metadata\": {\"name\": }\n}", 400,
        "BadRequest").message("line 3"));
    cases.add(c("malformed YAML", "POST", S, "application/yaml",
        "apiVersion: disponent.io/v1\nkind: Service\nmetadata:\n  name: [yaml\n", 400, "BadRequest"));
    cases.add(c("YAML alias bomb", "POST", S, "application/yaml", billionLaughs(), 400, "BadRequest").message("alias"));
    cases.add(c("nesting depth 1000", "POST", S, JSON, "{\"a\":".repeat(1000) + "1" + "}".repeat(1000), 400,
        "BadRequest"));
    cases.add(c("empty body", "POST", S, JSON, "", 400, "BadRequest"));
    cases.add(c("trailing data after the object", "POST", S, JSON,
        serviceBody("trailing", null, 1).toString() + "}}garbage", 400, "BadRequest").message("could not be decoded")
        .absent("trailing"));
    cases.add(c("array body", "POST", S, JSON, "[]", 400, "BadRequest"));
    cases.add(bytes("protobuf body", "POST", S, "application/vnd.kubernetes.protobuf",
        () -> new byte[] {'k', '8', 's', 0, 1, 2, 3}, 415, "UnsupportedMediaType").absent("x"));
    // Type meta and identity against the URL.
    cases.add(createCase("wrong apiVersion", "wrongapi", o -> o.put("apiVersion", "disponent.io/v2"), 400, "BadRequest"));
    cases.add(createCase("wrong kind", "wrongkind", o -> o.put("kind", "Task"), 400, "BadRequest"));
    cases.add(createCase("namespace mismatch", "nsmismatch", o -> meta(o).put("namespace", "default"), 400,
        "BadRequest"));
    cases.add(c("name mismatch on PUT", "PUT", EXISTING, JSON, null, 400, "BadRequest"));
    // Metadata.
    cases.add(createCase("invalid name", "Bad_Name", o -> {}, 422, "Invalid").causes("FieldValueInvalid@metadata.name"));
    cases.add(createCase("invalid label key", "labelkey", o -> meta(o).putObject("labels").put("bad key!", "v"), 422,
        "Invalid").causes("FieldValueInvalid@metadata.labels"));
    cases.add(createCase("invalid label value", "labelvalue", o -> meta(o).putObject("labels").put("k", "bad value"),
        422, "Invalid").causes("FieldValueInvalid@metadata.labels"));
    cases.add(createCase("too long label value", "labellong", o -> meta(o).putObject("labels").put("k", "v".repeat(64)),
        422, "Invalid").causes("FieldValueInvalid@metadata.labels"));
    cases.add(createCase("annotations over 256 KiB", "annotations",
        o -> meta(o).putObject("annotations").put("big", "a".repeat(256 * 1024 + 1)), 422, "Invalid")
        .causes("FieldValueTooLong@metadata.annotations"));
    // Schema.
    cases.add(createCase("missing required spec field", "notemplate", o -> spec(o).remove("template"), 422, "Invalid")
        .causes("FieldValueRequired@spec.template"));
    cases.add(createCase("missing spec", "nospec", o -> o.remove("spec"), 422, "Invalid")
        .causes("FieldValueRequired@spec"));
    cases.add(createCase("wrong type", "wrongtype", o -> spec(o).put("instances", "three"), 422, "Invalid")
        .causes("FieldValueTypeInvalid@spec.instances"));
    cases.add(createCase("enum violation", "enum", o -> ((ObjectNode) ports(o, "http").get(0)).put("protocol", "SCTP"), 422, "Invalid")
        .causes("FieldValueNotSupported@spec.template.spec.ports[0].protocol"));
    cases.add(createCase("minimum violation", "minimum", o -> spec(o).put("instances", -1), 422, "Invalid")
        .causes("FieldValueInvalid@spec.instances"));
    cases.add(createCase("pattern violation", "pattern",
        o -> taskSpec(o).putArray("env").addObject().put("name", "1BAD"), 422, "Invalid")
        .causes("FieldValueInvalid@spec.template.spec.env[0].name"));
    cases.add(createCase("CEL: command and shell", "cel1", o -> taskSpec(o).put("shell", "sleep 1"), 422, "Invalid")
        .causes("FieldValueInvalid@spec.template.spec").message("command and shell are mutually exclusive"));
    cases.add(createCase("CEL: health check portName not in ports", "cel2", o -> {
      ports(o, "http");
      taskSpec(o).putArray("healthChecks").addObject().put("type", "TCP").put("portName", "admin");
    }, 422, "Invalid").causes("FieldValueInvalid@spec.template.spec")
        .message("every health check's portName must name one of ports"));
    cases.add(createCase("duplicate port names", "dupports", o -> ports(o, "http", "http"), 422, "Invalid")
        .causes("FieldValueDuplicate@spec.template.spec.ports[1]"));
    cases.add(createCase("several errors at once", "Several_Errors", o -> {
      spec(o).put("instances", -1);
      ((ObjectNode) ports(o, "http").get(0)).put("protocol", "SCTP");
      meta(o).putObject("labels").put("k", "bad value");
    }, 422, "Invalid").causes("FieldValueInvalid@metadata.name", "FieldValueInvalid@metadata.labels",
        "FieldValueInvalid@spec.instances", "FieldValueNotSupported@spec.template.spec.ports[0].protocol"));
    // Field validation.
    ObjectNode unknown = serviceBody("unknownstrict", null, 1);
    spec(unknown).put("bogus", 1);
    cases.add(c("unknown field, Strict", "POST", S + "?fieldValidation=Strict", JSON, unknown.toString(), 400,
        "BadRequest").message("spec.bogus").absent("unknownstrict"));
    ObjectNode warn = serviceBody("unknownwarn", null, 1);
    spec(warn).put("bogus", 1);
    cases.add(c("unknown field, Warn", "POST", S + "?fieldValidation=Warn", JSON, warn.toString(), 201, null)
        .writing());
    String twice = serviceBody("dupstrict", null, 1).toString()
        .replace("\"name\":\"dupstrict\"", "\"name\":\"dupother\",\"name\":\"dupstrict\"");
    cases.add(c("duplicate field, Strict", "POST", S + "?fieldValidation=Strict", JSON, twice, 400, "BadRequest")
        .causes("FieldValueDuplicate@metadata.name").message("duplicate field \"metadata.name\"").absent("dupstrict"));
    cases.add(c("duplicate field, Warn", "POST", S + "?fieldValidation=Warn", JSON,
        twice.replace("dupstrict", "dupwarn"), 201, null).message("duplicate field \\\"metadata.name").writing());
    cases.add(createCase("resourceVersion on create", "rvcreate", o -> meta(o).put("resourceVersion", "5"), 400,
        "BadRequest").message("resourceVersion should not be set on objects to be created"));
    cases.add(c("bad fieldValidation value", "POST", S + "?fieldValidation=Loud", JSON,
        serviceBody("fv", null, 1).toString(), 400, "BadRequest").causes("FieldValueNotSupported@fieldValidation")
        .absent("fv"));
    // Routing.
    cases.add(c("unknown kind", "POST", "/apis/disponent.io/v1/namespaces/bad/gadgets", JSON, "{}", 404, "NotFound"));
    cases.add(c("unknown group", "GET", "/apis/nope.example/v1/namespaces/bad/things", null, null, 404, "NotFound"));
    cases.add(c("unknown object", "GET", service(NS, "missing"), null, null, 404, "NotFound"));
    cases.add(c("POST on a named resource", "POST", EXISTING, JSON, serviceBody("existing", null, 1).toString(), 405,
        "MethodNotAllowed"));
    cases.add(c("PUT on a collection", "PUT", S, JSON, serviceBody("existing", null, 1).toString(), 405,
        "MethodNotAllowed"));
    cases.add(c("PATCH on a collection", "PATCH", S, MERGE, "{}", 405, "MethodNotAllowed"));
    // Patches.
    cases.add(c("unsupported patch content type", "PATCH", EXISTING, "text/plain", "spec: {}", 415,
        "UnsupportedMediaType"));
    cases.add(c("bad JSON patch document", "PATCH", EXISTING, JSON_PATCH, "[{\"op\":\"frobnicate\",\"path\":\"/spec\"}]",
        400, "BadRequest"));
    cases.add(c("JSON patch not an array", "PATCH", EXISTING, JSON_PATCH, "{\"op\":\"add\"}", 400, "BadRequest"));
    cases.add(c("JSON patch test failure", "PATCH", EXISTING, JSON_PATCH,
        "[{\"op\":\"test\",\"path\":\"/spec/instances\",\"value\":99},{\"op\":\"replace\",\"path\":\"/spec/instances\",\"value\":5}]",
        422, "Invalid"));
    cases.add(c("merge patch breaking the schema", "PATCH", EXISTING, MERGE, "{\"spec\":{\"instances\":-5}}", 422,
        "Invalid").causes("FieldValueInvalid@spec.instances"));
    cases.add(c("apply without fieldManager", "PATCH", EXISTING, "application/apply-patch+yaml",
        serviceBody("existing", null, 3).toString(), 400, "BadRequest").causes("FieldValueRequired@fieldManager"));
    cases.add(c("force on a non-apply patch", "PATCH", EXISTING + "?force=true", MERGE, "{\"spec\":{\"instances\":3}}",
        400, "BadRequest").causes("FieldValueForbidden@force"));
    cases.add(c("force that is not a boolean", "PATCH", EXISTING + "?fieldManager=me&force=maybe",
        "application/apply-patch+yaml", serviceBody("existing", null, 3).toString(), 400, "BadRequest")
        .causes("FieldValueInvalid@force"));
    // State.
    cases.add(c("create in a missing namespace", "POST", services("nowhere"), JSON,
        serviceBody("x", null, 1).toString(), 404, "NotFound"));
    cases.add(c("already exists", "POST", S, JSON, serviceBody("existing", null, 5).toString(), 409, "AlreadyExists"));
    cases.add(c("update without resourceVersion", "PUT", EXISTING, JSON, null, 422, "Invalid")
        .causes("FieldValueInvalid@metadata.resourceVersion"));
    cases.add(c("update with stale resourceVersion", "PUT", EXISTING, JSON, null, 409, "Conflict"));
    cases.add(c("delete with bad propagationPolicy", "DELETE", EXISTING, JSON, "{\"propagationPolicy\":\"Sideways\"}",
        400, "BadRequest").causes("FieldValueNotSupported@propagationPolicy"));
    cases.add(c("delete with wrong uid precondition", "DELETE", EXISTING, JSON,
        "{\"preconditions\":{\"uid\":\"00000000-0000-0000-0000-000000000000\"}}", 409, "Conflict"));
    // Query parameters.
    cases.add(c("invalid labelSelector", "GET", S + "?labelSelector=" + enc("app in (x"), null, null, 400,
        "BadRequest"));
    cases.add(c("invalid fieldSelector", "GET", S + "?fieldSelector=" + enc("metadata.name"), null, null, 400,
        "BadRequest"));
    cases.add(c("invalid resourceVersionMatch", "GET", S + "?resourceVersion=1&resourceVersionMatch=Sometimes", null,
        null, 400, "BadRequest").causes("FieldValueNotSupported@resourceVersionMatch"));
    cases.add(c("invalid resourceVersion", "GET", S + "?resourceVersion=abc", null, null, 400, "BadRequest")
        .causes("FieldValueInvalid@resourceVersion"));
    cases.add(c("bad continue token", "GET", S + "?limit=1&continue=bm90LWEtdG9rZW4", null, null, 400, "BadRequest"));
    cases.add(c("bad limit", "GET", S + "?limit=-3", null, null, 400, "BadRequest").causes("FieldValueInvalid@limit"));
    cases.add(c("bad dryRun value", "POST", S + "?dryRun=Some", JSON, serviceBody("dry", null, 1).toString(), 400,
        "BadRequest").causes("FieldValueNotSupported@dryRun").absent("dry"));
    cases.add(c("resourceVersionMatch on a watch", "GET",
        S + "?watch=true&resourceVersion=1&resourceVersionMatch=NotOlderThan", null, null, 400, "BadRequest"));
    return cases.stream();
  }

  static String billionLaughs() {
    StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    return y.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejected(Case c) {
    byte[] body = c.body().get();
    if (body == null && c.method().equals("PUT")) {
      body = putBody(c.name()).getBytes(StandardCharsets.UTF_8);
    }
    long before = storeRevision(fixture.api().store());
    Http.Response r = http.sendBytes(c.method(), c.path(), body, c.contentType(), null);
    String shown = c.name() + ": " + r.code() + " " + (r.text().length() > 2000 ? r.text().substring(0, 2000) : r.text());
    assertThat(r.code()).as(shown).isEqualTo(c.code());
    if (c.reason() != null) {
      JsonNode status = r.json();
      assertThat(status.path("kind").asText()).as(shown).isEqualTo("Status");
      assertThat(status.path("status").asText()).as(shown).isEqualTo("Failure");
      assertThat(status.path("code").asInt()).as(shown).isEqualTo(c.code());
      assertThat(status.path("reason").asText()).as(shown).isEqualTo(c.reason());
      if (c.messagePart() != null) {
        assertThat(status.path("message").asText()).as(shown).contains(c.messagePart());
      }
      if (c.causes() != null) {
        List<String> got = new ArrayList<>();
        status.path("details").path("causes")
            .forEach(k -> got.add(k.path("reason").asText() + "@" + k.path("field").asText()));
        assertThat(got).as(shown).containsExactlyInAnyOrderElementsOf(c.causes());
      }
    }
    if (c.writes()) {
      String warned = c.messagePart() == null ? "unknown field" : c.messagePart();
      assertThat(r.header("Warning")).as(shown).anySatisfy(w -> assertThat(w).contains(warned));
      assertThat(storeRevision(fixture.api().store())).isGreaterThan(before);
    } else {
      assertThat(storeRevision(fixture.api().store())).as("nothing stored by " + c.name()).isEqualTo(before);
    }
    if (c.mustNotExist() != null) {
      assertThat(http.get(service(NS, c.mustNotExist())).code()).isEqualTo(404);
    }
    assertThat(http.get("/readyz").code()).isEqualTo(200);
    Http.Response existing = http.get(EXISTING);
    assertThat(existing.code()).isEqualTo(200);
    assertThat(existing.json().path("spec").path("instances").asInt()).isEqualTo(1);
  }

  /** Bodies of the PUT cases, built from the current object. */
  static String putBody(String caseName) {
    return switch (caseName) {
      case "name mismatch on PUT" -> existingWith(o -> meta(o).put("name", "other"));
      case "update without resourceVersion" -> existingWith(o -> meta(o).remove("resourceVersion"));
      case "update with stale resourceVersion" -> existingWith(o -> meta(o).put("resourceVersion", "1"));
      default -> throw new IllegalArgumentException(caseName);
    };
  }
}
