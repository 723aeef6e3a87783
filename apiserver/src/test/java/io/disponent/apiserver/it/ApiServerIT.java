package io.disponent.apiserver.it;

import static io.disponent.apiserver.it.ItSupport.create;
import static io.disponent.apiserver.it.ItSupport.enc;
import static io.disponent.apiserver.it.ItSupport.names;
import static io.disponent.apiserver.it.ItSupport.namespace;
import static io.disponent.apiserver.it.ItSupport.service;
import static io.disponent.apiserver.it.ItSupport.serviceBody;
import static io.disponent.apiserver.it.ItSupport.services;
import static io.disponent.apiserver.it.ItSupport.storeKey;
import static io.disponent.apiserver.it.ItSupport.storeRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.cache.WatchCacheConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API server end to end over HTTP, on a real single-replica store. */
class ApiServerIT {

  static final Duration EVENT = Duration.ofSeconds(5);

  @TempDir static Path dir;
  static ServerFixture fixture;
  static Http http;

  @BeforeAll
  static void start() {
    fixture = ServerFixture.start(dir);
    http = fixture.http();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  // ---- CRUD, lists, selectors ----

  @Test
  void createGetListDelete() {
    namespace(http, "crud");
    Http.Response created = http.post(services("crud"), serviceBody("web", Map.of("app", "web"), 2).toString());
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    JsonNode meta = created.json().path("metadata");
    assertThat(meta.path("uid").asText()).isNotEmpty();
    assertThat(meta.path("creationTimestamp").asText()).isNotEmpty();
    assertThat(meta.path("generation").asLong()).isEqualTo(1);
    assertThat(meta.path("resourceVersion").asText()).matches("\\d+");
    assertThat(meta.path("namespace").asText()).isEqualTo("crud");

    Http.Response got = http.get(service("crud", "web"));
    assertThat(got.code()).isEqualTo(200);
    assertThat(got.json().path("metadata").path("uid")).isEqualTo(meta.path("uid"));
    assertThat(got.json().path("spec").path("instances").asInt()).isEqualTo(2);

    Http.Response list = http.get(services("crud"));
    assertThat(list.code()).isEqualTo(200);
    assertThat(list.json().path("kind").asText()).isEqualTo("ServiceList");
    assertThat(list.json().path("metadata").path("resourceVersion").asText()).matches("\\d+");
    assertThat(names(list.json())).containsExactly("web");

    Http.Response deleted = http.delete(service("crud", "web"));
    assertThat(deleted.code()).as(deleted.text()).isEqualTo(200);
    Http.Response gone = http.get(service("crud", "web"));
    assertThat(gone.code()).isEqualTo(404);
    assertThat(gone.json().path("reason").asText()).isEqualTo("NotFound");
    assertThat(storeRange(fixture.api().store(), storeKey("crud", "web"))).isEmpty();
  }

  @Test
  void labelSelectors() {
    namespace(http, "labels");
    create(http, "labels", serviceBody("a", Map.of("app", "web", "tier", "fe"), 1));
    create(http, "labels", serviceBody("b", Map.of("app", "web", "tier", "be"), 1));
    create(http, "labels", serviceBody("c", Map.of("app", "db"), 1));
    create(http, "labels", serviceBody("d", Map.of(), 1));
    Map<String, List<String>> cases = Map.of(
        "app=web", List.of("a", "b"),
        "app==web", List.of("a", "b"),
        "app!=web", List.of("c", "d"),
        "tier in (fe,be)", List.of("a", "b"),
        "tier notin (fe)", List.of("b", "c", "d"),
        "tier", List.of("a", "b"),
        "!tier", List.of("c", "d"),
        "app=web,tier=be", List.of("b"));
    cases.forEach((selector, expected) -> {
      Http.Response r = http.get(services("labels") + "?labelSelector=" + enc(selector));
      assertThat(r.code()).as(selector + ": " + r.text()).isEqualTo(200);
      assertThat(names(r.json())).as(selector).containsExactlyInAnyOrderElementsOf(expected);
    });
  }

  @Test
  void fieldSelectors() {
    namespace(http, "fields1");
    namespace(http, "fields2");
    create(http, "fields1", serviceBody("x", null, 1));
    create(http, "fields1", serviceBody("y", null, 1));
    create(http, "fields2", serviceBody("x", null, 1));

    assertThat(names(http.get(services("fields1") + "?fieldSelector=" + enc("metadata.name=x")).json()))
        .containsExactly("x");
    assertThat(names(http.get(services("fields1") + "?fieldSelector=" + enc("metadata.name!=x")).json()))
        .containsExactly("y");
    JsonNode all = http.get("/apis/disponent.io/v1/services?fieldSelector=" + enc("metadata.namespace=fields2")).json();
    assertThat(names(all)).containsExactly("x");
    assertThat(all.path("items").get(0).path("metadata").path("namespace").asText()).isEqualTo("fields2");

    for (String[] t : new String[][] {{"t1", "n1"}, {"t2", "n2"}, {"t3", "n1"}}) {
      Http.Response r = http.post("/apis/disponent.io/v1/namespaces/fields1/tasks",
          "{\"apiVersion\":\"disponent.io/v1\",\"kind\":\"Task\",\"metadata\":{\"name\":\"" + t[0]
              + "\"},\"spec\":{\"command\":[\"true\"],\"nodeName\":\"" + t[1] + "\"}}");
      assertThat(r.code()).as(r.text()).isEqualTo(201);
    }
    Http.Response tasks = http.get("/apis/disponent.io/v1/namespaces/fields1/tasks?fieldSelector="
        + enc("spec.nodeName=n1"));
    assertThat(tasks.code()).as(tasks.text()).isEqualTo(200);
    assertThat(names(tasks.json())).containsExactlyInAnyOrder("t1", "t3");

    Http.Response unsupported = http.get(services("fields1") + "?fieldSelector=" + enc("spec.instances=1"));
    assertThat(unsupported.code()).isEqualTo(400);
    assertThat(unsupported.json().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(unsupported.json().path("message").asText()).contains("spec.instances");
  }

  @Test
  void paginationWithLimitAndContinue() {
    namespace(http, "pages");
    for (int i = 0; i < 5; i++) {
      create(http, "pages", serviceBody("s" + i, null, 1));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    String firstToken = null;
    do {
      Http.Response r = http.get(services("pages") + "?limit=2" + (token == null ? "" : "&continue=" + enc(token)));
      assertThat(r.code()).as(r.text()).isEqualTo(200);
      assertThat(r.json().path("items").size()).isLessThanOrEqualTo(2);
      seen.addAll(names(r.json()));
      token = r.json().path("metadata").path("continue").asText(null);
      if (firstToken == null) {
        firstToken = token;
      }
      pages++;
    } while (token != null && !token.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("s0", "s1", "s2", "s3", "s4");

    // A token whose revision was compacted away answers 410 Expired.
    JsonNode later = create(http, "pages", serviceBody("s5", null, 1));
    ItSupport.compact(fixture.api().store(), later.path("metadata").path("resourceVersion").asLong());
    Http.Response expired = http.get(services("pages") + "?limit=2&continue=" + enc(firstToken));
    assertThat(expired.code()).as(expired.text()).isEqualTo(410);
    assertThat(expired.json().path("reason").asText()).isEqualTo("Expired");
  }

  @Test
  void resourceVersionSemantics() {
    namespace(http, "rvs");
    JsonNode v1 = create(http, "rvs", serviceBody("x", null, 1));
    String rv1 = v1.path("metadata").path("resourceVersion").asText();
    ObjectNode changed = v1.deepCopy();
    ((ObjectNode) changed.path("spec")).put("instances", 4);
    Http.Response put = http.put(service("rvs", "x"), changed.toString());
    assertThat(put.code()).as(put.text()).isEqualTo(200);
    String rv2 = put.json().path("metadata").path("resourceVersion").asText();
    assertThat(Long.parseLong(rv2)).isGreaterThan(Long.parseLong(rv1));

    JsonNode latest = http.get(services("rvs")).json();
    assertThat(latest.path("items").get(0).path("spec").path("instances").asInt()).isEqualTo(4);
    assertThat(latest.path("metadata").path("resourceVersion").asLong()).isGreaterThanOrEqualTo(Long.parseLong(rv2));

    Http.Response any = http.get(services("rvs") + "?resourceVersion=0");
    assertThat(any.code()).isEqualTo(200);
    assertThat(names(any.json())).containsExactly("x");

    Http.Response exact = http.get(services("rvs") + "?resourceVersion=" + rv1 + "&resourceVersionMatch=Exact");
    assertThat(exact.code()).as(exact.text()).isEqualTo(200);
    assertThat(exact.json().path("metadata").path("resourceVersion").asText()).isEqualTo(rv1);
    assertThat(exact.json().path("items").get(0).path("spec").path("instances").asInt()).isEqualTo(1);

    Http.Response notOlder = http.get(services("rvs") + "?resourceVersion=" + rv2 + "&resourceVersionMatch=NotOlderThan");
    assertThat(notOlder.code()).isEqualTo(200);
    assertThat(notOlder.json().path("items").get(0).path("spec").path("instances").asInt()).isEqualTo(4);
  }

  @Test
  void staleUpdateConflicts() {
    namespace(http, "stale");
    JsonNode v1 = create(http, "stale", serviceBody("x", null, 1));
    ObjectNode first = v1.deepCopy();
    ((ObjectNode) first.path("spec")).put("instances", 2);
    assertThat(http.put(service("stale", "x"), first.toString()).code()).isEqualTo(200);
    ObjectNode second = v1.deepCopy();
    ((ObjectNode) second.path("spec")).put("instances", 3);
    Http.Response r = http.put(service("stale", "x"), second.toString());
    assertThat(r.code()).isEqualTo(409);
    assertThat(r.json().path("reason").asText()).isEqualTo("Conflict");
    assertThat(http.get(service("stale", "x")).json().path("spec").path("instances").asInt()).isEqualTo(2);
  }

  @Test
  void generationAndStatusSubresource() {
    namespace(http, "gen");
    JsonNode v1 = create(http, "gen", serviceBody("x", null, 1));
    assertThat(v1.path("metadata").path("generation").asLong()).isEqualTo(1);

    // Status writes neither bump generation nor change spec.
    ObjectNode status = v1.deepCopy();
    status.putObject("status").put("runningInstances", 1);
    ((ObjectNode) status.path("spec")).put("instances", 9);
    Http.Response s = http.put(service("gen", "x") + "/status", status.toString());
    assertThat(s.code()).as(s.text()).isEqualTo(200);
    assertThat(s.json().path("status").path("runningInstances").asInt()).isEqualTo(1);
    assertThat(s.json().path("spec").path("instances").asInt()).isEqualTo(1);
    assertThat(s.json().path("metadata").path("generation").asLong()).isEqualTo(1);

    // Label changes do not bump generation.
    Http.Response l = http.patch(service("gen", "x"), "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"new\":\"label\"}}}");
    assertThat(l.code()).as(l.text()).isEqualTo(200);
    assertThat(l.json().path("metadata").path("generation").asLong()).isEqualTo(1);

    // A main-resource PUT ignores status; a spec change bumps generation.
    ObjectNode main = l.json().deepCopy();
    ((ObjectNode) main.path("spec")).put("instances", 3);
    ((ObjectNode) main.path("status")).put("runningInstances", 42);
    Http.Response m = http.put(service("gen", "x"), main.toString());
    assertThat(m.code()).as(m.text()).isEqualTo(200);
    assertThat(m.json().path("spec").path("instances").asInt()).isEqualTo(3);
    assertThat(m.json().path("status").path("runningInstances").asInt()).isEqualTo(1);
    assertThat(m.json().path("metadata").path("generation").asLong()).isEqualTo(2);

    // A status merge patch does not bump generation either.
    Http.Response sp = http.patch(service("gen", "x") + "/status", "application/merge-patch+json",
        "{\"status\":{\"runningInstances\":3}}");
    assertThat(sp.code()).as(sp.text()).isEqualTo(200);
    assertThat(sp.json().path("metadata").path("generation").asLong()).isEqualTo(2);
  }

  @Test
  void scaleSubresource() {
    namespace(http, "scale");
    create(http, "scale", serviceBody("x", null, 1));
    Http.Response g = http.get(service("scale", "x") + "/scale");
    assertThat(g.code()).as(g.text()).isEqualTo(200);
    assertThat(g.json().path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(g.json().path("kind").asText()).isEqualTo("Scale");
    assertThat(g.json().path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(g.json().path("metadata").path("name").asText()).isEqualTo("x");

    ObjectNode scale = g.json().deepCopy();
    ((ObjectNode) scale.path("spec")).put("replicas", 3);
    Http.Response put = fixture.http().send("PUT", service("scale", "x") + "/scale", scale.toString(), null, null);
    assertThat(put.code()).as(put.text()).isEqualTo(200);
    assertThat(put.json().path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(http.get(service("scale", "x")).json().path("spec").path("instances").asInt()).isEqualTo(3);

    Http.Response patch = http.patch(service("scale", "x") + "/scale", "application/merge-patch+json",
        "{\"spec\":{\"replicas\":5}}");
    assertThat(patch.code()).as(patch.text()).isEqualTo(200);
    assertThat(patch.json().path("kind").asText()).isEqualTo("Scale");
    JsonNode svc = http.get(service("scale", "x")).json();
    assertThat(svc.path("spec").path("instances").asInt()).isEqualTo(5);
    assertThat(svc.path("metadata").path("generation").asLong()).isEqualTo(3);

    // A stale resourceVersion on the Scale conflicts.
    Http.Response stale = http.put(service("scale", "x") + "/scale", scale.toString());
    assertThat(stale.code()).isEqualTo(409);
  }

  @Test
  void reapplyingAManifestThatOmitsADefaultedFieldChangesNothing() {
    namespace(http, "noop");
    ObjectNode config = serviceBody("web", null, 2);
    ((ObjectNode) config.at("/spec/template/spec")).putArray("ports").addObject().put("name", "http");
    String url = service("noop", "web") + "?fieldManager=kubectl";
    Http.Response created = http.patch(url, "application/apply-patch+yaml", config.toString());
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    assertThat(created.json().at("/spec/template/spec/ports/0/protocol").asText()).isEqualTo("TCP");
    String rv = created.json().at("/metadata/resourceVersion").asText();

    for (int i = 0; i < 2; i++) {
      Http.Response again = http.patch(url, "application/apply-patch+yaml", config.toString());
      assertThat(again.code()).as(again.text()).isEqualTo(200);
      assertThat(again.json().at("/metadata/resourceVersion").asText()).as("apply %d", i).isEqualTo(rv);
      assertThat(again.json().at("/metadata/generation").asLong()).isEqualTo(1);
    }
    ObjectNode replacement = config.deepCopy();
    ((ObjectNode) replacement.get("metadata")).put("resourceVersion", rv);
    Http.Response put = http.put(service("noop", "web"), replacement.toString());
    assertThat(put.code()).as(put.text()).isEqualTo(200);
    assertThat(put.json().at("/metadata/resourceVersion").asText()).as("PUT of the same object").isEqualTo(rv);
    assertThat(put.json().at("/metadata/generation").asLong()).isEqualTo(1);

    Http.Response merge = http.patch(service("noop", "web"), "application/merge-patch+json",
        "{\"spec\":{\"template\":{\"spec\":{\"ports\":[{\"name\":\"http\"}]}}}}");
    assertThat(merge.code()).as(merge.text()).isEqualTo(200);
    assertThat(merge.json().at("/metadata/resourceVersion").asText()).as("merge patch of the same list").isEqualTo(rv);
    Http.Response jsonPatch = http.patch(service("noop", "web"), "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/spec/template/spec/ports/0/protocol\"}]");
    assertThat(jsonPatch.code()).as(jsonPatch.text()).isEqualTo(200);
    assertThat(jsonPatch.json().at("/metadata/resourceVersion").asText()).as("JSON patch removing a default")
        .isEqualTo(rv);

    ((ObjectNode) config.at("/spec/template/spec/ports/0")).put("protocol", "UDP");
    Http.Response changed = http.patch(url, "application/apply-patch+yaml", config.toString());
    assertThat(changed.code()).as(changed.text()).isEqualTo(200);
    assertThat(changed.json().at("/metadata/generation").asLong()).as("a real spec change still counts").isEqualTo(2);
  }

  @Test
  void mergePatchJsonPatchAndServerSideApply() {
    namespace(http, "patch");
    create(http, "patch", serviceBody("x", null, 1));
    Http.Response merge = http.patch(service("patch", "x"), "application/merge-patch+json",
        "{\"spec\":{\"instances\":2},\"metadata\":{\"annotations\":{\"a\":\"b\"}}}");
    assertThat(merge.code()).as(merge.text()).isEqualTo(200);
    assertThat(merge.json().path("spec").path("instances").asInt()).isEqualTo(2);
    assertThat(merge.json().path("metadata").path("annotations").path("a").asText()).isEqualTo("b");

    Http.Response jp = http.patch(service("patch", "x"), "application/json-patch+json",
        "[{\"op\":\"test\",\"path\":\"/spec/instances\",\"value\":2},"
            + "{\"op\":\"replace\",\"path\":\"/spec/instances\",\"value\":7}]");
    assertThat(jp.code()).as(jp.text()).isEqualTo(200);
    assertThat(jp.json().path("spec").path("instances").asInt()).isEqualTo(7);

    // Server-side apply creates.
    ObjectNode config = serviceBody("applied", null, 2);
    Http.Response created = http.patch(service("patch", "applied") + "?fieldManager=alice",
        "application/apply-patch+yaml", config.toString());
    assertThat(created.code()).as(created.text()).isEqualTo(201);
    assertThat(created.json().path("metadata").path("managedFields").get(0).path("manager").asText())
        .isEqualTo("alice");
    assertThat(created.json().path("metadata").path("managedFields").get(0).path("operation").asText())
        .isEqualTo("Apply");

    // Re-applying the same configuration is a no-op success.
    Http.Response again = http.patch(service("patch", "applied") + "?fieldManager=alice",
        "application/apply-patch+yaml", config.toString());
    assertThat(again.code()).as(again.text()).isEqualTo(200);
    assertThat(again.json().path("metadata").path("resourceVersion"))
        .isEqualTo(created.json().path("metadata").path("resourceVersion"));

    // Another manager changing an owned field conflicts.
    ObjectNode bob = serviceBody("applied", null, 5);
    ((ObjectNode) bob.path("spec")).remove("template");
    Http.Response conflict = http.patch(service("patch", "applied") + "?fieldManager=bob",
        "application/apply-patch+yaml", bob.toString());
    assertThat(conflict.code()).as(conflict.text()).isEqualTo(409);
    assertThat(conflict.json().path("reason").asText()).isEqualTo("Conflict");
    JsonNode causes = conflict.json().path("details").path("causes");
    assertThat(causes.size()).isEqualTo(1);
    assertThat(causes.get(0).path("reason").asText()).isEqualTo("FieldManagerConflict");
    assertThat(causes.get(0).path("field").asText()).isEqualTo(".spec.instances");
    assertThat(http.get(service("patch", "applied")).json().path("spec").path("instances").asInt()).isEqualTo(2);

    Http.Response forced = http.patch(service("patch", "applied") + "?fieldManager=bob&force=true",
        "application/apply-patch+yaml", bob.toString());
    assertThat(forced.code()).as(forced.text()).isEqualTo(200);
    assertThat(forced.json().path("spec").path("instances").asInt()).isEqualTo(5);
    assertThat(forced.json().path("spec").path("template").path("spec").path("command").size()).isEqualTo(2);
  }

  @Test
  void strategicMergePatch() {
    namespace(http, "smp");
    create(http, "smp", serviceBody("x", null, 1));
    Http.Response custom = http.patch(service("smp", "x"), "application/strategic-merge-patch+json",
        "{\"spec\":{\"instances\":2}}");
    assertThat(custom.code()).as(custom.text()).isEqualTo(415);
    assertThat(custom.json().path("reason").asText()).isEqualTo("UnsupportedMediaType");
    assertThat(http.get(service("smp", "x")).json().path("spec").path("instances").asInt()).isEqualTo(1);

    Http.Response ns = http.patch("/api/v1/namespaces/smp", "application/strategic-merge-patch+json",
        "{\"metadata\":{\"labels\":{\"team\":\"a\"}}}");
    assertThat(ns.code()).as(ns.text()).isEqualTo(200);
    assertThat(ns.json().path("metadata").path("labels").path("team").asText()).isEqualTo("a");
  }

  @Test
  void dryRunPersistsNothing() {
    namespace(http, "dry");
    String key = storeKey("dry", "x");
    Http.Response c = http.post(services("dry") + "?dryRun=All", serviceBody("x", null, 1).toString());
    assertThat(c.code()).as(c.text()).isEqualTo(201);
    assertThat(c.json().path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(storeRange(fixture.api().store(), key)).isEmpty();
    assertThat(http.get(service("dry", "x")).code()).isEqualTo(404);

    JsonNode real = create(http, "dry", serviceBody("x", null, 1));
    long modRevision = storeRange(fixture.api().store(), key).get(0).modRevision();

    ObjectNode update = real.deepCopy();
    ((ObjectNode) update.path("spec")).put("instances", 8);
    Http.Response u = http.put(service("dry", "x") + "?dryRun=All", update.toString());
    assertThat(u.code()).as(u.text()).isEqualTo(200);
    assertThat(u.json().path("spec").path("instances").asInt()).isEqualTo(8);

    Http.Response p = http.patch(service("dry", "x") + "?dryRun=All", "application/merge-patch+json",
        "{\"spec\":{\"instances\":9}}");
    assertThat(p.code()).as(p.text()).isEqualTo(200);
    assertThat(p.json().path("spec").path("instances").asInt()).isEqualTo(9);

    Http.Response d = http.delete(service("dry", "x") + "?dryRun=All");
    assertThat(d.code()).as(d.text()).isEqualTo(200);

    assertThat(storeRange(fixture.api().store(), key)).hasSize(1);
    assertThat(storeRange(fixture.api().store(), key).get(0).modRevision()).isEqualTo(modRevision);
    assertThat(http.get(service("dry", "x")).json().path("spec").path("instances").asInt()).isEqualTo(1);
  }

  @Test
  void finalizersHoldDeletion() {
    namespace(http, "fin");
    ObjectNode body = serviceBody("x", null, 1);
    ((ObjectNode) body.path("metadata")).putArray("finalizers").add("example.com/hold");
    create(http, "fin", body);
    Http.Response d = http.delete(service("fin", "x"), "{\"propagationPolicy\":\"Background\"}");
    assertThat(d.code()).as(d.text()).isEqualTo(200);
    JsonNode got = http.get(service("fin", "x")).json();
    assertThat(got.path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
    assertThat(got.path("metadata").path("finalizers").get(0).asText()).isEqualTo("example.com/hold");

    Http.Response p = http.patch(service("fin", "x"), "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":null}}");
    assertThat(p.code()).as(p.text()).isEqualTo(200);
    assertThat(http.get(service("fin", "x")).code()).isEqualTo(404);
    assertThat(storeRange(fixture.api().store(), storeKey("fin", "x"))).isEmpty();
  }

  @Test
  void propagationPolicyIsValidated() {
    namespace(http, "prop");
    create(http, "prop", serviceBody("x", null, 1));
    Http.Response bad = http.delete(service("prop", "x"), "{\"propagationPolicy\":\"Sideways\"}");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.json().path("details").path("causes").get(0).path("field").asText()).isEqualTo("propagationPolicy");
    assertThat(http.get(service("prop", "x")).code()).isEqualTo(200);
    Http.Response badQuery = http.delete(service("prop", "x") + "?propagationPolicy=Nope");
    assertThat(badQuery.code()).isEqualTo(400);
    Http.Response ok = http.delete(service("prop", "x") + "?propagationPolicy=Foreground");
    assertThat(ok.code()).as(ok.text()).isEqualTo(200);
  }

  @Test
  void deleteCollectionWithLabelSelector() {
    namespace(http, "dc");
    create(http, "dc", serviceBody("a", Map.of("app", "x"), 1));
    create(http, "dc", serviceBody("b", Map.of("app", "x"), 1));
    create(http, "dc", serviceBody("c", Map.of("app", "y"), 1));
    Http.Response r = http.delete(services("dc") + "?labelSelector=" + enc("app=x"));
    assertThat(r.code()).as(r.text()).isEqualTo(200);
    assertThat(names(http.get(services("dc")).json())).containsExactly("c");
  }

  // ---- watch ----

  @Test
  void watchDeliversAddedModifiedDeleted() throws Exception {
    namespace(http, "w1");
    String rv = http.get(services("w1")).json().path("metadata").path("resourceVersion").asText();
    try (Http.WatchStream w = http.watch(services("w1") + "?watch=true&resourceVersion=" + rv)) {
      JsonNode created = create(http, "w1", serviceBody("x", null, 1));
      assertEvent(w.next(EVENT), "ADDED", "x");
      http.patch(service("w1", "x"), "application/merge-patch+json", "{\"spec\":{\"instances\":2}}");
      JsonNode mod = w.next(EVENT);
      assertEvent(mod, "MODIFIED", "x");
      assertThat(mod.path("object").path("spec").path("instances").asInt()).isEqualTo(2);
      http.delete(service("w1", "x"));
      assertEvent(w.next(EVENT), "DELETED", "x");
      assertThat(w.code).isEqualTo(200);
      assertThat(created.path("metadata").path("uid").asText()).isNotEmpty();
    }
  }

  @Test
  void watchResumesFromResourceVersion() throws Exception {
    namespace(http, "w2");
    JsonNode x = create(http, "w2", serviceBody("x", null, 1));
    String rv = x.path("metadata").path("resourceVersion").asText();
    http.patch(service("w2", "x"), "application/merge-patch+json", "{\"spec\":{\"instances\":2}}");
    create(http, "w2", serviceBody("y", null, 1));
    http.delete(service("w2", "x"));
    try (Http.WatchStream w = http.watch(services("w2") + "?watch=true&resourceVersion=" + rv)) {
      assertEvent(w.next(EVENT), "MODIFIED", "x");
      assertEvent(w.next(EVENT), "ADDED", "y");
      assertEvent(w.next(EVENT), "DELETED", "x");
      assertThat(w.next(Duration.ofMillis(500))).isNull();
    }
  }

  @Test
  void watchByNameSelector() throws Exception {
    namespace(http, "w3");
    try (Http.WatchStream w = http.watch(services("w3") + "?watch=true&fieldSelector=" + enc("metadata.name=b"))) {
      await().atMost(EVENT).until(() -> w.code == 200);
      create(http, "w3", serviceBody("a", null, 1));
      create(http, "w3", serviceBody("b", null, 1));
      assertEvent(w.next(EVENT), "ADDED", "b");
      assertThat(w.next(Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void watchTimeoutEndsStream() {
    namespace(http, "w4");
    long start = System.nanoTime();
    Http.Response r = http.get(services("w4") + "?watch=true&timeoutSeconds=1");
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.code()).isEqualTo(200);
    assertThat(tookMs).isBetween(800L, 10_000L);
  }

  @Test
  void bookmarksOnIdleWatch(@TempDir Path own) throws Exception {
    try (ServerFixture f = ServerFixture.start(own, c -> c.withBookmarkInterval(Duration.ofMillis(200)))) {
      String rv = f.http().get(services("default")).json().path("metadata").path("resourceVersion").asText();
      try (Http.WatchStream w = f.http().watch(services("default") + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + rv)) {
        JsonNode ev = w.next(EVENT);
        assertThat(ev).isNotNull();
        assertThat(ev.path("type").asText()).isEqualTo("BOOKMARK");
        assertThat(ev.path("object").path("kind").asText()).isEqualTo("Service");
        assertThat(ev.path("object").path("metadata").path("resourceVersion").asLong())
            .isGreaterThanOrEqualTo(Long.parseLong(rv));
      }
      try (Http.WatchStream w = f.http().watch(services("default") + "?watch=true&resourceVersion=" + rv)) {
        assertThat(w.next(Duration.ofMillis(800))).as("no bookmarks unless allowed").isNull();
      }
    }
  }

  @Test
  void watchFromCompactedRevisionIsExpired(@TempDir Path own) throws Exception {
    try (ServerFixture f = ServerFixture.start(own, c -> c.withWatchCache(WatchCacheConfig.DEFAULT.withEventWindow(5)))) {
      JsonNode x = create(f.http(), "default", serviceBody("x", null, 1));
      String old = x.path("metadata").path("resourceVersion").asText();
      long last = 0;
      for (int i = 2; i < 14; i++) {
        last = f.http().patch(service("default", "x"), "application/merge-patch+json",
            "{\"spec\":{\"instances\":" + i + "}}").json().path("metadata").path("resourceVersion").asLong();
      }
      ItSupport.compact(f.api().store(), last);
      Http.Response r = f.http().get(services("default") + "?watch=true&timeoutSeconds=2&resourceVersion=" + old);
      if (r.code() == 200) {
        JsonNode first = Http.JSON.readTree(r.text().lines().findFirst().orElseThrow());
        assertThat(first.path("type").asText()).isEqualTo("ERROR");
        assertThat(first.path("object").path("code").asInt()).isEqualTo(410);
        assertThat(first.path("object").path("reason").asText()).isEqualTo("Expired");
      } else {
        assertThat(r.code()).isEqualTo(410);
        assertThat(r.json().path("reason").asText()).isEqualTo("Expired");
      }
    }
  }

  private static void assertEvent(JsonNode ev, String type, String name) {
    assertThat(ev).as("expected a %s event for %s", type, name).isNotNull();
    assertThat(ev.path("type").asText()).as(ev.toString()).isEqualTo(type);
    assertThat(ev.path("object").path("metadata").path("name").asText()).isEqualTo(name);
  }

  // ---- tables, namespaces, CRDs ----

  @Test
  void tableResponse() {
    namespace(http, "table");
    create(http, "table", serviceBody("x", null, 3));
    Http.Response r = http.get(services("table"), "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    assertThat(r.code()).as(r.text()).isEqualTo(200);
    JsonNode t = r.json();
    assertThat(t.path("kind").asText()).isEqualTo("Table");
    assertThat(t.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    List<String> columns = new ArrayList<>();
    t.path("columnDefinitions").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns).containsExactly("Name", "Instances", "Running", "Healthy", "Age");
    assertThat(t.path("rows").size()).isEqualTo(1);
    JsonNode row = t.path("rows").get(0);
    assertThat(row.path("cells").get(0).asText()).isEqualTo("x");
    assertThat(row.path("cells").get(1).asInt()).isEqualTo(3);
    assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.path("object").path("metadata").path("name").asText()).isEqualTo("x");
  }

  @Test
  void namespaceDeletionEmptiesThenRemovesIt() {
    namespace(http, "doomed");
    create(http, "doomed", serviceBody("a", null, 1));
    create(http, "doomed", serviceBody("b", null, 1));
    Http.Response d = http.delete("/api/v1/namespaces/doomed");
    assertThat(d.code()).as(d.text()).isEqualTo(200);
    Http.Response during = http.post(services("doomed"), serviceBody("c", null, 1).toString());
    assertThat(during.code()).isIn(403, 404);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(http.get("/api/v1/namespaces/doomed").code()).isEqualTo(404));
    assertThat(storeRange(fixture.api().store(), "/registry/disponent.io/services/doomed/")).isEmpty();
  }

  static final String WIDGETS_CRD = """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"widgets.example.com"},
       "spec":{"group":"example.com","scope":"Namespaced",
        "names":{"kind":"Widget","listKind":"WidgetList","plural":"widgets","singular":"widget","shortNames":["wd"]},
        "versions":[{"name":"v1","served":true,"storage":true,
          "additionalPrinterColumns":[{"name":"Size","type":"integer","jsonPath":".spec.size"}],
          "schema":{"openAPIV3Schema":{"type":"object","properties":{
            "spec":{"type":"object","properties":{"size":{"type":"integer","minimum":1}}}}}}}]}}""";

  @Test
  void newCrdIsServedAtOnceAndItsDeletionRemovesTheKind() {
    String hashBefore = http.get("/openapi/v3").json().path("paths").toString();
    assertThat(hashBefore).doesNotContain("example.com");
    Http.Response c = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", WIDGETS_CRD);
    assertThat(c.code()).as(c.text()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Http.Response groups = http.get("/apis");
      assertThat(groups.text()).contains("example.com");
      Http.Response gv = http.get("/apis/example.com/v1");
      assertThat(gv.code()).isEqualTo(200);
      List<String> resources = new ArrayList<>();
      gv.json().path("resources").forEach(r -> resources.add(r.path("name").asText()));
      assertThat(resources).contains("widgets");
    });
    JsonNode root = http.get("/openapi/v3").json();
    assertThat(root.path("paths").has("apis/example.com/v1")).isTrue();
    assertThat(root.path("paths").toString()).isNotEqualTo(hashBefore);
    String gvUrl = root.path("paths").path("apis/example.com/v1").path("serverRelativeURL").asText();
    assertThat(gvUrl).contains("hash=");
    assertThat(http.get(gvUrl).code()).isEqualTo(200);

    String widgets = "/apis/example.com/v1/namespaces/default/widgets";
    Http.Response w = http.post(widgets,
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\"},\"spec\":{\"size\":3}}");
    assertThat(w.code()).as(w.text()).isEqualTo(201);
    Http.Response bad = http.post(widgets,
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w2\"},\"spec\":{\"size\":0}}");
    assertThat(bad.code()).isEqualTo(422);
    assertThat(http.get(widgets + "/w1").json().path("spec").path("size").asInt()).isEqualTo(3);
    Http.Response p = http.patch(widgets + "/w1", "application/merge-patch+json", "{\"spec\":{\"size\":4}}");
    assertThat(p.code()).as(p.text()).isEqualTo(200);
    assertThat(names(http.get(widgets).json())).containsExactly("w1");

    Http.Response d = http.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
    assertThat(d.code()).as(d.text()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      assertThat(http.get(widgets).code()).isEqualTo(404);
      assertThat(http.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com").code())
          .isEqualTo(404);
      assertThat(storeRange(fixture.api().store(), "/registry/example.com/widgets/")).isEmpty();
    });
    assertThat(http.get("/apis/example.com/v1").code()).isEqualTo(404);
    assertThat(http.get("/openapi/v3").json().path("paths").has("apis/example.com/v1")).isFalse();
  }

  // ---- fixed endpoints ----

  @Test
  void versionHealthAndOpenApi() {
    JsonNode v = http.get("/version").json();
    assertThat(v.path("major").asText()).isEqualTo("1");
    assertThat(v.path("minor").asText()).matches("\\d+");
    assertThat(v.path("gitVersion").asText()).startsWith("v1.");
    for (String p : List.of("/healthz", "/livez", "/readyz")) {
      Http.Response r = http.get(p);
      assertThat(r.code()).as(p).isEqualTo(200);
      assertThat(r.text()).isEqualTo("ok");
    }
    assertThat(http.get("/openapi/v2").code()).isEqualTo(404);
    JsonNode root = http.get("/openapi/v3").json();
    assertThat(root.path("paths").path("apis/disponent.io/v1").path("serverRelativeURL").asText())
        .startsWith("/openapi/v3/apis/disponent.io/v1?hash=");
  }

  @Test
  void metrics() {
    namespace(http, "metrics");
    http.get(services("metrics"));
    http.get(service("metrics", "nope"));
    try (Http.WatchStream w = http.watch(services("metrics") + "?watch=true")) {
      await().atMost(EVENT).until(() -> w.code == 200);
      String text = http.get("/metrics").text();
      List<String> requests = text.lines().filter(l -> l.startsWith("apiserver_request_total{"))
          .collect(Collectors.toList());
      assertThat(requests).anySatisfy(l -> assertThat(l)
          .contains("verb=\"LIST\"").contains("resource=\"services\"").contains("code=\"200\""));
      assertThat(requests).anySatisfy(l -> assertThat(l)
          .contains("verb=\"GET\"").contains("resource=\"services\"").contains("code=\"404\""));
      assertThat(text.lines().filter(l -> l.startsWith("apiserver_registered_watchers")))
          .anySatisfy(l -> assertThat(l).contains("services"));
    }
  }
}
