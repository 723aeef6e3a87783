package io.disponent.apiserver.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.discovery.TestResourceTypes;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiV3Test {

  private static final List<ResourceType> TYPES = TestResourceTypes.all();
  private static final JsonNode DOC = OpenApiV3.groupVersion(TYPES, "disponent.io", "v1").orElseThrow();
  private static final String NS = "/apis/disponent.io/v1/namespaces/{namespace}/services";

  @Test
  void rootPointsAtEveryGroupVersionWithAHash() {
    JsonNode root = OpenApiV3.root(TYPES);
    assertThat(root.get("paths").fieldNames()).toIterable().containsExactly("api/v1", "apis/disponent.io/v1");
    assertThat(root.get("paths").get("apis/disponent.io/v1").get("serverRelativeURL").asText())
        .isEqualTo("/openapi/v3/apis/disponent.io/v1?hash=" + OpenApiV3.hash(DOC))
        .matches("/openapi/v3/apis/disponent\\.io/v1\\?hash=[0-9A-F]{32}");
  }

  @Test
  void hashFollowsTheCrdAndIgnoresKeyOrder() {
    assertThat(OpenApiV3.hash(Json.object().put("a", 1).put("b", 2)))
        .isEqualTo(OpenApiV3.hash(Json.object().put("b", 2).put("a", 1)));
    List<ResourceType> changed = new ArrayList<>(TYPES);
    ResourceType services = TestResourceTypes.named("services");
    ObjectNode schema = services.openApiSchema().deepCopy();
    schema.put("description", "changed");
    changed.replaceAll(t -> t == services || t.plural().equals("services") ? withSchema(services, schema) : t);
    assertThat(OpenApiV3.hash(OpenApiV3.groupVersion(changed, "disponent.io", "v1").orElseThrow()))
        .isNotEqualTo(OpenApiV3.hash(DOC));
    assertThat(OpenApiV3.hash(OpenApiV3.groupVersion(TYPES, "disponent.io", "v1").orElseThrow()))
        .isEqualTo(OpenApiV3.hash(DOC));
  }

  @Test
  void unknownGroupVersionsAreAbsent() {
    assertThat(OpenApiV3.groupVersion(TYPES, "disponent.io", "v2")).isEmpty();
    assertThat(OpenApiV3.groupVersion(TYPES, "", "v1")).isPresent();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      NS + ", get, list, listDisponentIoV1NamespacedService",
      NS + ", post, post, createDisponentIoV1NamespacedService",
      NS + ", delete, deletecollection, deleteDisponentIoV1CollectionNamespacedService",
      NS + "/{name}, get, get, readDisponentIoV1NamespacedService",
      NS + "/{name}, put, put, replaceDisponentIoV1NamespacedService",
      NS + "/{name}, patch, patch, patchDisponentIoV1NamespacedService",
      NS + "/{name}, delete, delete, deleteDisponentIoV1NamespacedService",
      NS + "/{name}/status, patch, patch, patchDisponentIoV1NamespacedServiceStatus",
      NS + "/{name}/scale, put, put, replaceDisponentIoV1NamespacedServiceScale",
      "/apis/disponent.io/v1/services, get, list, listDisponentIoV1ServiceForAllNamespaces",
      "/apis/disponent.io/v1/nodes, get, list, listDisponentIoV1Node",
      "/apis/disponent.io/v1/nodes/{name}/status, get, get, readDisponentIoV1NodeStatus",
  })
  void operations(String path, String method, String action, String operationId) {
    JsonNode operation = DOC.get("paths").get(path).get(method);
    assertThat(operation.get("operationId").asText()).isEqualTo(operationId);
    assertThat(operation.get("x-kubernetes-action").asText()).isEqualTo(action);
    assertThat(operation.get("x-kubernetes-group-version-kind").isObject()).isTrue();
  }

  @Test
  void everyPatchLetsKubectlLeaveValidationToTheServer() {
    int patches = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = DOC.get("paths").fields(); it.hasNext(); ) {
      JsonNode patch = it.next().getValue().get("patch");
      if (patch == null) {
        continue;
      }
      patches++;
      assertThat(patch.get("x-kubernetes-group-version-kind").isObject()).isTrue();
      assertThat(names(patch.get("parameters"))).contains("fieldValidation", "fieldManager", "dryRun", "force");
      assertThat(patch.get("requestBody").get("content").fieldNames()).toIterable()
          .contains("application/merge-patch+json", "application/json-patch+json", "application/apply-patch+yaml");
    }
    assertThat(patches).isEqualTo(5 + 5 + 1); // main and status of five kinds, scale of services
    assertThat(Json.string(DOC.get("paths").get(NS + "/{name}").get("patch").get("x-kubernetes-group-version-kind")))
        .isEqualTo("{\"group\":\"disponent.io\",\"kind\":\"Service\",\"version\":\"v1\"}");
    assertThat(Json.string(DOC.get("paths").get(NS + "/{name}/scale").get("patch").get("x-kubernetes-group-version-kind")))
        .isEqualTo("{\"group\":\"autoscaling\",\"kind\":\"Scale\",\"version\":\"v1\"}");
  }

  @Test
  void listCarriesSelectorAndWatchParameters() {
    assertThat(names(DOC.get("paths").get(NS).get("get").get("parameters"))).contains("labelSelector",
        "fieldSelector", "limit", "continue", "resourceVersion", "resourceVersionMatch", "watch", "timeoutSeconds",
        "allowWatchBookmarks");
    assertThat(DOC.get("paths").get(NS).get("get").at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/io.disponent.v1.ServiceList");
  }

  @Test
  void kindSchemasCarryTheGvkListAndObjectMeta() {
    JsonNode service = DOC.at("/components/schemas/io.disponent.v1.Service");
    assertThat(Json.string(service.get("x-kubernetes-group-version-kind")))
        .isEqualTo("[{\"group\":\"disponent.io\",\"kind\":\"Service\",\"version\":\"v1\"}]");
    assertThat(service.at("/properties/metadata/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(DOC.at("/components/schemas/io.disponent.v1.ServiceList/x-kubernetes-group-version-kind/0/kind").asText())
        .isEqualTo("ServiceList");
    assertThat(DOC.get("components").get("schemas").fieldNames()).toIterable().contains(
        "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta",
        "io.k8s.apimachinery.pkg.apis.meta.v1.Status", "io.k8s.apimachinery.pkg.apis.meta.v1.Patch",
        "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions", "io.k8s.api.autoscaling.v1.Scale",
        "io.disponent.v1.Node", "io.disponent.v1.Task", "io.disponent.v1.TaskList");
    JsonNode core = OpenApiV3.groupVersion(TYPES, "", "v1").orElseThrow();
    assertThat(core.at("/components/schemas/io.k8s.api.core.v1.Namespace/x-kubernetes-group-version-kind/0/group").asText())
        .isEmpty();
    assertThat(core.at("/components/schemas").has("io.k8s.api.autoscaling.v1.Scale")).isFalse();
    assertThat(core.get("paths").has("/api/v1/namespaces/{name}")).isTrue();
  }

  @Test
  void explainCanWalkToNestedFieldsAndMetadata() {
    // kubectl explain services.disponent.io.spec.template / service.metadata.labels
    assertThat(explain(DOC, "io.disponent.v1.Service", "spec", "template").get("description").asText())
        .startsWith("The Task that every instance is created from");
    assertThat(explain(DOC, "io.disponent.v1.Service", "spec", "template", "spec", "command").get("type").asText())
        .isEqualTo("array");
    assertThat(explain(DOC, "io.disponent.v1.Service", "metadata", "labels").get("description").asText())
        .startsWith("Map of string keys and values");
    assertThat(explain(DOC, "io.disponent.v1.Service", "metadata", "creationTimestamp", "").get("format").asText())
        .isEqualTo("date-time");
  }

  @Test
  void everyRefResolvesAndOperationIdsAreUnique() {
    Set<String> refs = new HashSet<>();
    collectRefs(DOC, refs);
    for (String ref : refs) {
      assertThat(DOC.at("/components/schemas/" + ref.substring("#/components/schemas/".length())).isMissingNode())
          .as(ref).isFalse();
    }
    List<String> ids = new ArrayList<>();
    DOC.get("paths").forEach(item -> item.fields().forEachRemaining(op -> {
      if (op.getValue().has("operationId")) {
        ids.add(op.getValue().get("operationId").asText());
      }
    }));
    assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(40);
  }

  /** Follows properties and allOf/$ref the way kubectl explain does; an empty step just dereferences. */
  private static JsonNode explain(JsonNode doc, String schemaName, String... fields) {
    JsonNode node = doc.get("components").get("schemas").get(schemaName);
    for (String field : fields) {
      node = deref(doc, node);
      if (!field.isEmpty()) {
        node = node.get("properties").get(field);
        assertThat(node).as(field).isNotNull();
      }
    }
    return node.has("description") || !node.has("allOf") ? node : deref(doc, node);
  }

  private static JsonNode deref(JsonNode doc, JsonNode node) {
    JsonNode ref = node.has("$ref") ? node.get("$ref") : node.path("allOf").path(0).get("$ref");
    if (ref == null) {
      return node;
    }
    return doc.get("components").get("schemas").get(ref.asText().substring("#/components/schemas/".length()));
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject() && node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static List<String> names(JsonNode parameters) {
    List<String> names = new ArrayList<>();
    parameters.forEach(p -> names.add(p.get("name").asText()));
    return names;
  }

  private static ResourceType withSchema(ResourceType t, JsonNode schema) {
    return new ResourceType(t.group(), t.version(), t.kind(), t.listKind(), t.plural(), t.singular(), t.shortNames(),
        t.categories(), t.namespaced(), t.schema(), schema, t.statusSubresource(), t.scale(), t.printerColumns(),
        t.selectableFields(), t.storageVersion(), t.crdName());
  }
}
