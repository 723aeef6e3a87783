package io.disponent.controllers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.controllers.ControllerManager;
import io.disponent.controllers.ManagerConfig;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.vocab.Finalizers;
import io.disponent.testkit.ControlPlaneExtension;
import io.disponent.testkit.ServiceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The garbage collector over a chain of kinds as Kubernetes users build it: a Widget (a kind that a CRD adds
 * after the controllers started) owns a Service, which owns its Tasks; deleted with each propagation policy.
 */
class GarbageCollectionIT {
  @RegisterExtension static final ControlPlaneExtension cp = new ControlPlaneExtension();

  /** A finalizer of the test's own, to hold an object while the test looks. */
  static final String HOLD = "example.com/hold";
  static final Gvr WIDGETS = new Gvr("example.com", "v1", "widgets", true);
  static final String WIDGETS_CRD = """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"widgets.example.com"},
       "spec":{"group":"example.com","scope":"Namespaced",
        "names":{"kind":"Widget","listKind":"WidgetList","plural":"widgets","singular":"widget"},
        "versions":[{"name":"v1","served":true,"storage":true,
          "schema":{"openAPIV3Schema":{"type":"object","properties":{
            "spec":{"type":"object","properties":{"size":{"type":"integer"}}}}}}}]}}""";

  @BeforeAll
  static void start() throws Exception {
    cp.plane().run(c -> ControllerManager.start(c, ManagerConfig.defaults().withoutLeaderElection()));
    cp.client().create(Gvr.CRDS, null, new ObjectMapper().readTree(WIDGETS_CRD));
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> cp.client().list(WIDGETS, "default", null, null) != null);
  }

  /** A Widget owning a Service (blockOwnerDeletion) of two Tasks; answers the Widget. */
  static JsonNode chain(String ns) {
    ApiClient client = cp.client();
    JsonNode widget = client.create(WIDGETS, ns, Json.object().put("apiVersion", "example.com/v1").put("kind", "Widget")
        .<ObjectNode>set("metadata", Json.object().put("name", "w")).set("spec", Json.object().put("size", 1)));
    client.create(Gvr.SERVICES, ns, owned(ServiceBuilder.service(ns, "s").instances(2).shell("sleep 100")
        .resources("0.1", "16Mi").build(), widget, "Widget"));
    await().atMost(Duration.ofSeconds(20)).until(() -> tasks(ns).size() == 2);
    return widget;
  }

  static ObjectNode owned(ObjectNode object, JsonNode owner, String kind) {
    ((ObjectNode) object.path("metadata")).putArray("ownerReferences").addObject()
        .put("apiVersion", owner.path("apiVersion").asText()).put("kind", kind).put("name", Json.name(owner))
        .put("uid", Json.uid(owner)).put("controller", true).put("blockOwnerDeletion", true);
    return object;
  }

  static List<JsonNode> tasks(String ns) {
    return cp.client().list(Gvr.TASKS, ns, null, null).items();
  }

  static Optional<JsonNode> get(Gvr gvr, String ns, String name) {
    try {
      return Optional.of(cp.client().get(gvr, ns, name));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Test
  void backgroundDeletionTakesTheServiceAndItsTasks() {
    String ns = cp.namespace();
    chain(ns);
    JsonNode deleted = cp.client().delete(WIDGETS, ns, "w", DeleteOptions.propagation("Background"));
    assertThat(deleted.path("metadata").has("deletionTimestamp")).as("no finalizer keeps the Widget").isFalse();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> get(Gvr.SERVICES, ns, "s").isEmpty() && tasks(ns).isEmpty());
  }

  @Test
  void foregroundDeletionKeepsEachOwnerUntilItsDependentsAreGone() {
    String ns = cp.namespace();
    chain(ns);
    cp.client().patch(Gvr.SERVICES, ns, "s", PatchType.MERGE, Json.finalizersPatch(List.of(HOLD)));

    JsonNode deleted = cp.client().delete(WIDGETS, ns, "w", DeleteOptions.propagation("Foreground"));
    assertThat(Json.finalizers(deleted)).containsExactly(Finalizers.FOREGROUND_DELETION);
    assertThat(deleted.path("metadata").has("deletionTimestamp")).isTrue();
    // the Service has dependents and its owner waits: it is deleted in the foreground too, and is done with
    // them once only the test's finalizer holds it
    await().atMost(Duration.ofSeconds(20)).until(() -> tasks(ns).isEmpty()
        && get(Gvr.SERVICES, ns, "s").map(Json::finalizers).orElse(List.of()).equals(List.of(HOLD)));
    assertThat(get(Gvr.SERVICES, ns, "s").orElseThrow().path("metadata").has("deletionTimestamp")).isTrue();
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> get(WIDGETS, ns, "w")
        .map(Json::finalizers).orElse(List.of()).equals(List.of(Finalizers.FOREGROUND_DELETION)));

    cp.client().patch(Gvr.SERVICES, ns, "s", PatchType.MERGE, Json.finalizersPatch(List.of()));
    await().atMost(Duration.ofSeconds(20)).until(() -> get(WIDGETS, ns, "w").isEmpty());
    assertThat(get(Gvr.SERVICES, ns, "s")).isEmpty();
  }

  @Test
  void orphanDeletionKeepsTheServiceAndItsTasksWithoutTheReference() {
    String ns = cp.namespace();
    JsonNode widget = chain(ns);
    JsonNode deleted = cp.client().delete(WIDGETS, ns, "w", DeleteOptions.propagation("Orphan"));
    assertThat(Json.finalizers(deleted)).containsExactly(Finalizers.ORPHAN);
    await().atMost(Duration.ofSeconds(20)).until(() -> get(WIDGETS, ns, "w").isEmpty());
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> get(Gvr.SERVICES, ns, "s").isPresent() && tasks(ns).size() == 2);
    JsonNode service = get(Gvr.SERVICES, ns, "s").orElseThrow();
    assertThat(service.path("metadata").path("ownerReferences").toString()).doesNotContain(Json.uid(widget));
    for (JsonNode t : tasks(ns)) {
      assertThat(t.path("metadata").path("ownerReferences").get(0).path("uid").asText()).isEqualTo(Json.uid(service));
    }
  }

  @Test
  void anOwnerInAnotherNamespaceIsIgnoredWithAWarning() {
    String ns = cp.namespace();
    JsonNode widget = cp.client().create(WIDGETS, "default", Json.object().put("apiVersion", "example.com/v1")
        .put("kind", "Widget").<ObjectNode>set("metadata", Json.object().put("name", ns)));
    try {
      JsonNode kept = cp.client().create(Gvr.SERVICES, ns, ServiceBuilder.service(ns, "solo").instances(0)
          .shell("sleep 1").build());
      cp.client().create(Gvr.SERVICES, ns, owned(ServiceBuilder.service(ns, "s").instances(0).shell("sleep 1")
          .build(), widget, "Widget"));

      await().atMost(Duration.ofSeconds(20)).until(() -> get(Gvr.SERVICES, ns, "s").isEmpty());
      assertThat(get(Gvr.SERVICES, ns, "solo")).as("a Service without owners is left alone").isPresent();
      assertThat(Json.uid(get(Gvr.SERVICES, ns, "solo").orElseThrow())).isEqualTo(Json.uid(kept));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cp.client()
          .list(Gvr.EVENTS, ns, null, null).items()).anySatisfy(e -> {
            assertThat(e.path("reason").asText()).isEqualTo("OwnerRefInvalidNamespace");
            assertThat(e.path("type").asText()).isEqualTo("Warning");
            assertThat(e.path("involvedObject").path("name").asText()).isEqualTo("s");
          }));
      assertThat(get(WIDGETS, "default", ns)).as("the owner itself is untouched").isPresent();
    } finally {
      cp.client().delete(WIDGETS, "default", ns, DeleteOptions.DEFAULT);
    }
  }
}
