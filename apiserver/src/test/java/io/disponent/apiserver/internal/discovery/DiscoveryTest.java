package io.disponent.apiserver.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

  private static final List<ResourceType> TYPES = TestResourceTypes.all();

  @Test
  void apiVersionsListsV1() {
    assertThat(Json.string(Discovery.apiVersions("10.0.0.1:6443"))).isEqualTo(
        "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
            + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"10.0.0.1:6443\"}]}");
  }

  @Test
  void apiGroupListPrefersTheHighestPriorityVersion() {
    List<ResourceType> types = new ArrayList<>(TYPES);
    types.add(TestResourceTypes.withVersion(TestResourceTypes.named("services"), "v2beta1", false));
    types.add(TestResourceTypes.withVersion(TestResourceTypes.named("services"), "v1alpha1", false));
    assertThat(Json.string(Discovery.apiGroupList(types))).isEqualTo(
        "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[{\"name\":\"disponent.io\",\"versions\":["
            + "{\"groupVersion\":\"disponent.io/v1\",\"version\":\"v1\"},"
            + "{\"groupVersion\":\"disponent.io/v2beta1\",\"version\":\"v2beta1\"},"
            + "{\"groupVersion\":\"disponent.io/v1alpha1\",\"version\":\"v1alpha1\"}],"
            + "\"preferredVersion\":{\"groupVersion\":\"disponent.io/v1\",\"version\":\"v1\"}}]}");
  }

  @Test
  void apiResourceListCarriesSubresources() {
    JsonNode list = Discovery.apiResourceList(TYPES, "disponent.io", "v1").orElseThrow();
    assertThat(list.get("groupVersion").asText()).isEqualTo("disponent.io/v1");
    assertThat(names(list)).containsExactly("nodes", "nodes/status", "packages", "packages/status",
        "repositories", "repositories/status", "services", "services/status", "services/scale",
        "tasks", "tasks/status");
    assertThat(Json.string(find(list, "services"))).isEqualTo(
        "{\"name\":\"services\",\"singularName\":\"service\",\"namespaced\":true,\"kind\":\"Service\","
            + "\"verbs\":[\"create\",\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"],"
            + "\"shortNames\":[\"dsvc\"],\"categories\":[\"disponent\",\"all\"],"
            + "\"storageVersionHash\":\"" + StorageVersionHash.of("disponent.io", "v1", "Service") + "\"}");
    assertThat(Json.string(find(list, "services/status"))).isEqualTo(
        "{\"name\":\"services/status\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"Service\","
            + "\"verbs\":[\"get\",\"patch\",\"update\"]}");
    assertThat(Json.string(find(list, "services/scale"))).isEqualTo(
        "{\"name\":\"services/scale\",\"singularName\":\"\",\"namespaced\":true,\"group\":\"autoscaling\","
            + "\"version\":\"v1\",\"kind\":\"Scale\",\"verbs\":[\"get\",\"patch\",\"update\"]}");
  }

  @Test
  void coreResourceListAndUnknownGroupVersions() {
    JsonNode core = Discovery.apiResourceList(TYPES, "", "v1").orElseThrow();
    assertThat(core.get("groupVersion").asText()).isEqualTo("v1");
    assertThat(names(core)).containsExactly("namespaces");
    assertThat(find(core, "namespaces").get("namespaced").asBoolean()).isFalse();
    assertThat(Discovery.apiResourceList(List.of(), "", "v1").orElseThrow().get("resources")).isEmpty();
    assertThat(Discovery.apiResourceList(TYPES, "disponent.io", "v2")).isEmpty();
    assertThat(Discovery.apiResourceList(TYPES, "autoscaling", "v1")).isEmpty();
  }

  @Test
  void storageVersionHashMatchesKubernetes() {
    // Values served by real clusters.
    assertThat(StorageVersionHash.of("", "v1", "Namespace")).isEqualTo("Q3oi5N2YM8M=");
    assertThat(StorageVersionHash.of("apps", "v1", "Deployment")).isEqualTo("8aSe+NMegvE=");
  }

  @Test
  void storageVersionHashNamesTheStorageVersion() {
    List<ResourceType> types = new ArrayList<>(TYPES);
    types.add(TestResourceTypes.withVersion(TestResourceTypes.named("services"), "v2", false));
    JsonNode v2 = Discovery.apiResourceList(types, "disponent.io", "v2").orElseThrow();
    assertThat(find(v2, "services").get("storageVersionHash").asText())
        .isEqualTo(StorageVersionHash.of("disponent.io", "v1", "Service"));
  }

  @Test
  void aggregatedGroupsMatchKubernetesShape() {
    JsonNode list = Discovery.aggregatedGroups(TYPES, DiscoveryFormat.AGGREGATED_V2);
    assertThat(list.get("kind").asText()).isEqualTo("APIGroupDiscoveryList");
    assertThat(list.get("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2");
    assertThat(list.get("items")).hasSize(1);
    JsonNode group = list.get("items").get(0);
    assertThat(Json.string(group.get("metadata"))).isEqualTo("{\"name\":\"disponent.io\",\"creationTimestamp\":null}");
    JsonNode version = group.get("versions").get(0);
    assertThat(version.get("version").asText()).isEqualTo("v1");
    assertThat(version.get("freshness").asText()).isEqualTo("Current");
    JsonNode services = null;
    for (JsonNode r : version.get("resources")) {
      if (r.get("resource").asText().equals("services")) {
        services = r;
      }
    }
    assertThat(Json.string(services)).isEqualTo(
        "{\"resource\":\"services\",\"responseKind\":{\"group\":\"disponent.io\",\"version\":\"v1\",\"kind\":\"Service\"},"
            + "\"scope\":\"Namespaced\",\"singularResource\":\"service\","
            + "\"verbs\":[\"create\",\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"],"
            + "\"shortNames\":[\"dsvc\"],\"categories\":[\"disponent\",\"all\"],\"subresources\":["
            + "{\"subresource\":\"scale\",\"responseKind\":{\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\"},"
            + "\"verbs\":[\"get\",\"patch\",\"update\"]},"
            + "{\"subresource\":\"status\",\"responseKind\":{\"group\":\"disponent.io\",\"version\":\"v1\",\"kind\":\"Service\"},"
            + "\"verbs\":[\"get\",\"patch\",\"update\"]}]}");
  }

  @Test
  void aggregatedCoreHoldsOnlyTheCoreGroup() {
    JsonNode list = Discovery.aggregatedCore(TYPES, DiscoveryFormat.AGGREGATED_V2BETA1);
    assertThat(list.get("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2beta1");
    assertThat(Json.string(list)).isEqualTo(
        "{\"kind\":\"APIGroupDiscoveryList\",\"apiVersion\":\"apidiscovery.k8s.io/v2beta1\",\"metadata\":{},"
            + "\"items\":[{\"metadata\":{\"creationTimestamp\":null},\"versions\":[{\"version\":\"v1\",\"resources\":["
            + "{\"resource\":\"namespaces\",\"responseKind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Namespace\"},"
            + "\"scope\":\"Cluster\",\"singularResource\":\"namespace\","
            + "\"verbs\":[\"create\",\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"],"
            + "\"shortNames\":[\"ns\"]}],\"freshness\":\"Current\"}]}]}");
  }

  @Test
  void versionBodyReportsMinor31() {
    JsonNode body = VersionInfo.body("abc123", "2025-01-31T12:00:00Z");
    assertThat(body.get("major").asText()).isEqualTo("1");
    assertThat(body.get("minor").asText()).isEqualTo("31");
    assertThat(body.get("gitVersion").asText()).isEqualTo("v1.31.0-disponent.0.1.0");
    assertThat(body.get("platform").asText()).isEqualTo("linux/amd64");
    assertThat(body.fieldNames()).toIterable().contains("gitCommit", "gitTreeState", "buildDate", "goVersion", "compiler");
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.get("resources").forEach(r -> names.add(r.get("name").asText()));
    return names;
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode r : list.get("resources")) {
      if (r.get("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no " + name);
  }

  static JsonNode parse(String json) {
    return Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
