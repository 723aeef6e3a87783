package io.disponent.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review APIs over HTTP: answered for the anonymous user, listed in discovery, nothing stored. */
class ReviewsIT extends ServerPerClassIT {

  static final String SSAR = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
  static final String SSRR = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
  static final String SSR = "/apis/authentication.k8s.io/v1/selfsubjectreviews";

  @Test
  void accessRulesAndSelfAreAnswered() {
    Http.Response a = http.post(SSAR, "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
        + "\"metadata\":{\"creationTimestamp\":null},"
        + "\"spec\":{\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"create\",\"group\":\"disponent.io\","
        + "\"resource\":\"services\"}}}");
    assertThat(a.code()).as(a.text()).isEqualTo(201);
    assertThat(a.json().path("kind").asText()).isEqualTo("SelfSubjectAccessReview");
    assertThat(a.json().at("/status/allowed").asBoolean()).isTrue();
    assertThat(a.json().at("/spec/resourceAttributes/resource").asText()).isEqualTo("services");

    Http.Response r = http.post(SSRR, "{\"spec\":{\"namespace\":\"default\"}}");
    assertThat(r.code()).as(r.text()).isEqualTo(201);
    assertThat(r.json().path("apiVersion").asText()).isEqualTo("authorization.k8s.io/v1");
    assertThat(r.json().at("/status/resourceRules").toString())
        .isEqualTo("[{\"verbs\":[\"*\"],\"apiGroups\":[\"*\"],\"resources\":[\"*\"]}]");
    assertThat(r.json().at("/status/nonResourceRules").toString())
        .isEqualTo("[{\"verbs\":[\"*\"],\"nonResourceURLs\":[\"*\"]}]");

    Http.Response s = http.post(SSR, "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}");
    assertThat(s.code()).as(s.text()).isEqualTo(201);
    assertThat(s.json().at("/status/userInfo/username").asText()).isEqualTo("system:anonymous");
    assertThat(s.json().at("/status/userInfo/groups").toString()).isEqualTo("[\"system:unauthenticated\"]");
    assertThat(ItSupport.storeRange(fixture.api().store(), "/registry/authorization.k8s.io/")).isEmpty();
  }

  @Test
  void badBodiesGetAStatusWithCauses() {
    Http.Response both = http.post(SSAR, "{\"spec\":{\"resourceAttributes\":{},\"nonResourceAttributes\":{}},"
        + "\"metadata\":{\"name\":\"x\"}}");
    assertThat(both.code()).as(both.text()).isEqualTo(422);
    assertThat(both.json().path("reason").asText()).isEqualTo("Invalid");
    assertThat(both.json().at("/details/kind").asText()).isEqualTo("SelfSubjectAccessReview");
    assertThat(both.json().at("/details/causes").findValuesAsText("field"))
        .containsExactly("spec.nonResourceAttributes", "metadata");
    assertThat(http.post(SSAR, "{\"spec\":{}}").json().at("/details/causes/0/field").asText())
        .isEqualTo("spec.resourceAttributes");

    Http.Response wrongKind = http.post(SSAR, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}");
    assertThat(wrongKind.code()).isEqualTo(400);
    assertThat(wrongKind.json().path("kind").asText()).isEqualTo("Status");
    Http.Response notJson = http.post(SSRR, "{\"spec\":");
    assertThat(notJson.code()).isEqualTo(400);
    assertThat(notJson.json().path("reason").asText()).isEqualTo("BadRequest");
    Http.Response array = http.post(SSR, "[]");
    assertThat(array.code()).isEqualTo(400);
    Http.Response typed = http.post(SSAR, "{\"spec\":{\"resourceAttributes\":\"all\"}}");
    assertThat(typed.code()).isEqualTo(400);
    assertThat(typed.json().at("/details/causes/0/field").asText()).isEqualTo("spec.resourceAttributes");
    Http.Response noNamespace = http.post(SSRR, "{\"spec\":{}}");
    assertThat(noNamespace.code()).isEqualTo(400);
    assertThat(noNamespace.json().path("message").asText()).isEqualTo("no namespace on request");
    assertThat(http.get("/healthz").code()).as("still serving").isEqualTo(200);
  }

  @Test
  void createOnlyInDiscoveryAndNothingElse() {
    JsonNode authz = http.get("/apis/authorization.k8s.io/v1").json();
    List<String> resources = new ArrayList<>();
    authz.path("resources").forEach(r -> resources.add(r.path("name").asText() + " " + r.path("kind").asText() + " "
        + r.path("verbs") + " " + r.path("namespaced").asBoolean() + " " + r.has("storageVersionHash")));
    assertThat(resources).containsExactly(
        "selfsubjectaccessreviews SelfSubjectAccessReview [\"create\"] false false",
        "selfsubjectrulesreviews SelfSubjectRulesReview [\"create\"] false false");
    assertThat(http.get("/apis/authentication.k8s.io/v1").json().at("/resources/0/name").asText())
        .isEqualTo("selfsubjectreviews");
    String aggregated = http.get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList").text();
    assertThat(aggregated).contains("\"selfsubjectaccessreviews\"", "\"selfsubjectreviews\"");
    assertThat(http.get("/openapi/v3").json().path("paths").has("apis/authorization.k8s.io/v1")).isFalse();

    for (String method : List.of("GET", "PUT", "DELETE")) {
      Http.Response r = http.send(method, SSAR + (method.equals("GET") ? "" : "/x"), method.equals("PUT") ? "{}" : null,
          "application/json", "application/json");
      assertThat(r.code()).as(method + " " + r.text()).isEqualTo(405);
    }
    Http.Response crd = http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        CrdNamesIT.crd("selfsubjectreviews", "Impostor", "authentication.k8s.io"));
    assertThat(crd.code()).as(crd.text()).isEqualTo(422);
  }
}
