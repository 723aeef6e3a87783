package io.disponent.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
  static final ObjectMapper M = new ObjectMapper();

  static JsonNode json(String s) {
    try {
      return M.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static final Map<String, JsonNode> SERVER = Map.of(
      "/api", json("{'versions':['v1']}"),
      "/apis", json("{'groups':[{'name':'disponent.io','versions':[{'groupVersion':'disponent.io/v1'},"
          + "{'groupVersion':'disponent.io/v1beta1'}],'preferredVersion':{'groupVersion':'disponent.io/v1'}},"
          + "{'name':'broken.example','versions':[{'groupVersion':'broken.example/v1'}]}]}"),
      "/api/v1", json("{'resources':[{'name':'namespaces','namespaced':false,'kind':'Namespace',"
          + "'verbs':['get','list','watch','delete']}]}"),
      "/apis/disponent.io/v1", json("{'resources':["
          + "{'name':'tasks','namespaced':true,'kind':'Task','verbs':['get','list','watch','delete']},"
          + "{'name':'tasks/status','namespaced':true,'kind':'Task','verbs':['get','patch']},"
          + "{'name':'reviews','namespaced':false,'kind':'Review','verbs':['create']}]}"));

  @Test
  void walksCoreAndPreferredGroupVersionsLeavingOutSubresourcesAndNamingWhatFailed() {
    Discovery.Found found = new Discovery(path -> {
      JsonNode doc = SERVER.get(path);
      if (doc == null) {
        throw new StatusException(new Status(503, "ServiceUnavailable", path), "unavailable " + path, null);
      }
      return doc;
    }).walk();

    assertThat(found.resources()).containsExactly(
        new ApiResource(new Gvr("", "v1", "namespaces", false), "Namespace", Set.of("get", "list", "watch", "delete")),
        new ApiResource(Gvr.TASKS, "Task", Set.of("get", "list", "watch", "delete")),
        new ApiResource(new Gvr("disponent.io", "v1", "reviews", false), "Review", Set.of("create")));
    assertThat(found.failed()).containsExactly("broken.example/v1");
    assertThat(found.resources()).filteredOn(ApiResource::collectable).extracting(r -> r.gvr().plural())
        .containsExactly("namespaces", "tasks");
  }
}
