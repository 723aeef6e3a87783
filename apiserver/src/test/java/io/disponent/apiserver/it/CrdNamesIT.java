package io.disponent.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CRD name defaulting and acceptance over HTTP: a docs-style CRD is served; a conflicting one is not. */
class CrdNamesIT extends ServerPerClassIT {

  static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  static String crd(String plural, String kind, String group) {
    return """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"%1$s.%3$s"},
         "spec":{"group":"%3$s","scope":"Namespaced","names":{"plural":"%1$s","kind":"%2$s"},
          "versions":[{"name":"v1","served":true,"storage":true,
            "schema":{"openAPIV3Schema":{"type":"object","properties":{
              "spec":{"type":"object","properties":{"cronSpec":{"type":"string"}}}}}}}]}}"""
        .formatted(plural, kind, group);
  }

  @Test
  void docsStyleCrdIsDefaultedAcceptedAndServed() {
    Http.Response c = http.post(CRDS, crd("crontabs", "CronTab", "stable.example.com"));
    assertThat(c.code()).as(c.text()).isEqualTo(201);
    JsonNode crd = c.json();
    assertThat(crd.at("/spec/names/singular").asText()).isEqualTo("crontab");
    assertThat(crd.at("/spec/names/listKind").asText()).isEqualTo("CronTabList");
    assertThat(crd.at("/spec/conversion/strategy").asText()).isEqualTo("None");
    assertThat(crd.at("/status/acceptedNames")).isEqualTo(crd.at("/spec/names"));
    assertThat(crd.at("/status/storedVersions").toString()).isEqualTo("[\"v1\"]");
    assertThat(conditions(crd)).containsExactly("NamesAccepted=True/NoConflicts", "Established=True/InitialNamesAccepted");

    String crontabs = "/apis/stable.example.com/v1/namespaces/default/crontabs";
    Http.Response ct = http.post(crontabs, "{\"apiVersion\":\"stable.example.com/v1\",\"kind\":\"CronTab\","
        + "\"metadata\":{\"name\":\"c1\"},\"spec\":{\"cronSpec\":\"* * * * */5\"}}");
    assertThat(ct.code()).as(ct.text()).isEqualTo(201);
    JsonNode list = http.get(crontabs).json();
    assertThat(list.path("kind").asText()).isEqualTo("CronTabList");
    assertThat(list.at("/items/0/metadata/name").asText()).isEqualTo("c1");
    List<String> singulars = new ArrayList<>();
    http.get("/apis/stable.example.com/v1").json().path("resources")
        .forEach(r -> singulars.add(r.path("singularName").asText()));
    assertThat(singulars).containsExactly("crontab");

    Http.Response again = http.put(CRDS + "/crontabs.stable.example.com", crd.toString());
    assertThat(again.code()).as(again.text()).isEqualTo(200);
    assertThat(again.json().at("/metadata/resourceVersion")).as("defaults make no change")
        .isEqualTo(crd.at("/metadata/resourceVersion"));
  }

  @Test
  void kindHeldByAnotherCrdOfTheGroupIsNotAcceptedNorServed() {
    assertThat(http.post(CRDS, crd("backups", "Backup", "conflict.example.com")).code()).isEqualTo(201);
    Http.Response c = http.post(CRDS, crd("snapshots", "Backup", "conflict.example.com"));
    assertThat(c.code()).as(c.text()).isEqualTo(201);
    JsonNode crd = c.json();
    // the defaulted listKind BackupList conflicts too, and Kubernetes reports the last conflict
    assertThat(conditions(crd)).containsExactly("NamesAccepted=False/ListKindConflict", "Established=False/NotAccepted");
    assertThat(crd.at("/status/conditions/0/message").asText()).isEqualTo("\"BackupList\" is already in use");
    assertThat(crd.at("/status/acceptedNames/kind").isMissingNode()).isTrue();
    assertThat(crd.at("/status/acceptedNames/listKind").isMissingNode()).isTrue();
    assertThat(crd.at("/status/acceptedNames/plural").asText()).isEqualTo("snapshots");
    assertThat(http.get("/apis/conflict.example.com/v1/namespaces/default/snapshots").code()).isEqualTo(404);
    assertThat(http.get("/apis/conflict.example.com/v1/namespaces/default/backups").code()).isEqualTo(200);
    assertThat(http.post(CRDS, crd("others", "Other", "conflict.example.com").replace("\"kind\":\"Other\"",
        "\"kind\":\"Other\",\"shortNames\":[\"backup\"]")).json().at("/status/conditions/0/reason").asText())
        .isEqualTo("ShortNamesConflict");
  }

  @Test
  void aNameChangeIsDecidedAgainAndAConflictKeepsTheAcceptedNames() {
    assertThat(http.post(CRDS, crd("gadgets", "Gadget", "renames.example.com")).code()).isEqualTo(201);
    Http.Response c = http.post(CRDS, crd("widgets", "Widget", "renames.example.com"));
    assertThat(c.code()).as(c.text()).isEqualTo(201);
    String widgets = "/apis/renames.example.com/v1/namespaces/default/widgets";
    assertThat(http.post(widgets, "{\"kind\":\"Widget\",\"apiVersion\":\"renames.example.com/v1\","
        + "\"metadata\":{\"name\":\"w\"}}").code()).isEqualTo(201);

    JsonNode conflicting = rename(c.json(), "Gadget");
    assertThat(conditions(conflicting)).containsExactly("NamesAccepted=False/ListKindConflict",
        "Established=True/InitialNamesAccepted");
    assertThat(conflicting.at("/status/acceptedNames/kind").asText()).isEqualTo("Widget");
    assertThat(http.get(widgets).json().path("kind").asText()).as("still served as accepted").isEqualTo("WidgetList");

    JsonNode renamed = rename(conflicting, "Doohickey");
    assertThat(conditions(renamed)).containsExactly("NamesAccepted=True/NoConflicts", "Established=True/InitialNamesAccepted");
    assertThat(renamed.at("/status/acceptedNames/kind").asText()).isEqualTo("Doohickey");
    assertThat(renamed.at("/status/conditions/1/lastTransitionTime"))
        .isEqualTo(c.json().at("/status/conditions/1/lastTransitionTime"));
    assertThat(http.get(widgets).json().path("kind").asText()).isEqualTo("DoohickeyList");
  }

  /** Sets kind (and so listKind) of a stored CRD; returns the answer. */
  private JsonNode rename(JsonNode crd, String kind) {
    JsonNode names = crd.at("/spec/names");
    String body = crd.toString().replace(names.toString(), "{\"plural\":\"" + names.path("plural").asText()
        + "\",\"kind\":\"" + kind + "\"}");
    Http.Response r = http.put(CRDS + "/" + crd.at("/metadata/name").asText(), body);
    assertThat(r.code()).as(r.text()).isEqualTo(200);
    return r.json();
  }

  private static List<String> conditions(JsonNode crd) {
    List<String> out = new ArrayList<>();
    crd.at("/status/conditions").forEach(c -> out.add(c.path("type").asText() + "=" + c.path("status").asText()
        + "/" + c.path("reason").asText()));
    return out;
  }
}
