package io.disponent.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** events.k8s.io/v1 Events are the core v1 Events, converted: what one version writes the other reads. */
class EventsV1IT extends ServerPerClassIT {

  static final String V1 = "/apis/events.k8s.io/v1/namespaces/default/events";
  static final String CORE = "/api/v1/namespaces/default/events";

  @Test
  void writtenThroughOneVersionReadThroughTheOther() {
    Http.Response c = http.post(V1, """
        {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"v1-made"},
         "eventTime":"2026-12-06T03:00:00.000001Z","reportingController":"disponent.io/test",
         "reportingInstance":"test-1","action":"Testing","reason":"Made","type":"Normal","note":"made via v1",
         "regarding":{"kind":"Task","name":"web-1","namespace":"default"},
         "series":{"count":2,"lastObservedTime":"2026-12-06T03:01:00.000001Z"}}""");
    assertThat(c.code()).as(c.text()).isEqualTo(201);
    assertThat(c.json().path("apiVersion").asText()).isEqualTo("events.k8s.io/v1");
    assertThat(c.json().path("note").asText()).isEqualTo("made via v1");

    JsonNode core = http.get(CORE + "/v1-made").json();
    assertThat(core.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(core.path("message").asText()).isEqualTo("made via v1");
    assertThat(core.at("/involvedObject/name").asText()).isEqualTo("web-1");
    assertThat(core.path("reportingComponent").asText()).isEqualTo("disponent.io/test");
    assertThat(core.at("/series/count").asInt()).isEqualTo(2);
    assertThat(core.at("/metadata/resourceVersion")).isEqualTo(c.json().at("/metadata/resourceVersion"));
    assertThat(ItSupport.storeRange(fixture.api().store(), "/registry/events.k8s.io/")).isEmpty();

    Http.Response cc = http.post(CORE, """
        {"apiVersion":"v1","kind":"Event","metadata":{"name":"core-made"},"involvedObject":{"kind":"Node","name":"n1"},
         "reason":"Ready","message":"made via core","count":4,"source":{"component":"agent","host":"n1"},
         "lastTimestamp":"2026-12-06T03:02:00Z"}""");
    assertThat(cc.code()).as(cc.text()).isEqualTo(201);
    JsonNode v1 = http.get(V1 + "/core-made").json();
    assertThat(v1.path("kind").asText()).isEqualTo("Event");
    assertThat(v1.path("note").asText()).isEqualTo("made via core");
    assertThat(v1.path("deprecatedCount").asInt()).isEqualTo(4);
    assertThat(v1.at("/deprecatedSource/host").asText()).isEqualTo("n1");
    assertThat(v1.path("deprecatedLastTimestamp").asText()).isEqualTo("2026-12-06T03:02:00Z");
    assertThat(v1.has("message")).isFalse();

    JsonNode list = http.get(V1).json();
    assertThat(list.path("apiVersion").asText()).isEqualTo("events.k8s.io/v1");
    assertThat(list.path("kind").asText()).isEqualTo("EventList");
    assertThat(ItSupport.names(list)).contains("v1-made", "core-made");
    assertThat(list.at("/items/0/apiVersion").asText()).isEqualTo("events.k8s.io/v1");
    assertThat(ItSupport.names(http.get("/apis/events.k8s.io/v1/events").json())).contains("v1-made", "core-made");

    Http.Response p = http.patch(V1 + "/core-made", "application/merge-patch+json", "{\"note\":\"patched via v1\"}");
    assertThat(p.code()).as(p.text()).isEqualTo(200);
    assertThat(http.get(CORE + "/core-made").json().path("message").asText()).isEqualTo("patched via v1");

    Http.Response d = http.delete(V1 + "/v1-made");
    assertThat(d.code()).as(d.text()).isEqualTo(200);
    assertThat(http.get(CORE + "/v1-made").code()).isEqualTo(404);
  }

  @Test
  void aWatchOnEventsV1SeesACoreCreate() throws Exception {
    String rv = http.get(V1).json().at("/metadata/resourceVersion").asText();
    try (Http.WatchStream w = http.watch(V1 + "?watch=true&resourceVersion=" + rv)) {
      Http.Response c = http.post(CORE, "{\"metadata\":{\"name\":\"watched\"},\"involvedObject\":{\"name\":\"x\"},"
          + "\"message\":\"seen\"}");
      assertThat(c.code()).as(c.text()).isEqualTo(201);
      JsonNode e = w.next(Duration.ofSeconds(10));
      assertThat(e).isNotNull();
      assertThat(e.path("type").asText()).isEqualTo("ADDED");
      assertThat(e.at("/object/apiVersion").asText()).isEqualTo("events.k8s.io/v1");
      assertThat(e.at("/object/note").asText()).isEqualTo("seen");
      assertThat(e.at("/object/regarding/name").asText()).isEqualTo("x");
    }
  }

  @Test
  void badBodiesAreRefused() {
    Http.Response wrongVersion = http.post(V1, "{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"a\"}}");
    assertThat(wrongVersion.code()).isEqualTo(400);
    Http.Response bare = http.post(V1, "{\"metadata\":{\"name\":\"b\"},\"note\":\"n\",\"deprecatedCount\":3}");
    assertThat(bare.code()).as(bare.text()).isEqualTo(422);
    assertThat(bare.json().at("/details/kind").asText()).isEqualTo("Event");
    assertThat(bare.json().at("/details/group").asText()).isEqualTo("events.k8s.io");
    assertThat(bare.json().at("/details/causes").findValuesAsText("field")).containsExactly("eventTime", "type", "count",
        "reportingController", "reportingInstance", "action", "reason");
    Http.Response noRegarding = http.post(V1, "{\"metadata\":{\"name\":\"c\"},\"eventTime\":\"2026-12-06T03:00:00Z\","
        + "\"type\":\"Normal\",\"reportingController\":\"x\",\"reportingInstance\":\"x-1\",\"action\":\"A\","
        + "\"reason\":\"R\"}");
    assertThat(noRegarding.code()).as(noRegarding.text()).isEqualTo(422);
    assertThat(noRegarding.json().at("/details/causes/0/field").asText()).isEqualTo("involvedObject");
    assertThat(http.get(CORE + "/b").code()).as("nothing stored").isEqualTo(404);
    Http.Response apply = http.patch(V1 + "/x", "application/apply-patch+yaml", "{}");
    assertThat(apply.code()).isEqualTo(415);
    assertThat(http.get(V1 + "/missing").code()).isEqualTo(404);
  }
}
