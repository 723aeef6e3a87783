package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One walk of the server's discovery: {@code /api} and its versions, {@code /apis} and each group's preferred
 * version, the resources each serves (subresources left out). A group version that cannot be read is named in
 * {@link Found#failed()} instead of failing the walk, so one broken API does not hide the others.
 */
public final class Discovery {

  /** What a walk found. */
  public record Found(List<ApiResource> resources, Set<String> failed) {
    public Found {
      resources = List.copyOf(resources);
      failed = Set.copyOf(failed);
    }
  }

  private final Function<String, JsonNode> get;

  /** {@code get} answers a discovery path (e.g. {@link ApiClient#discover}). */
  public Discovery(Function<String, JsonNode> get) {
    this.get = get;
  }

  /** Walks discovery once; the failure of {@code /api} or {@code /apis} themselves is thrown. */
  public Found walk() {
    List<String> groupVersions = new ArrayList<>();
    get.apply("/api").path("versions").forEach(v -> groupVersions.add(v.asText()));
    for (JsonNode group : get.apply("/apis").path("groups")) {
      String preferred = group.path("preferredVersion").path("groupVersion").asText("");
      if (preferred.isEmpty() && group.path("versions").size() > 0) {
        preferred = group.path("versions").get(0).path("groupVersion").asText("");
      }
      if (!preferred.isEmpty()) {
        groupVersions.add(preferred);
      }
    }
    List<ApiResource> resources = new ArrayList<>();
    Set<String> failed = new TreeSet<>();
    for (String gv : groupVersions) {
      try {
        resources.addAll(resources(gv, get.apply(gv.contains("/") ? "/apis/" + gv : "/api/" + gv)));
      } catch (ApiException e) {
        failed.add(gv);
      }
    }
    return new Found(resources, failed);
  }

  /** The resources of one {@code APIResourceList}, without subresources. */
  static List<ApiResource> resources(String groupVersion, JsonNode list) {
    int slash = groupVersion.indexOf('/');
    String group = slash < 0 ? "" : groupVersion.substring(0, slash);
    String version = groupVersion.substring(slash + 1);
    List<ApiResource> out = new ArrayList<>();
    for (JsonNode r : list.path("resources")) {
      String name = r.path("name").asText("");
      if (name.isEmpty() || name.contains("/")) {
        continue;
      }
      Set<String> verbs = new HashSet<>();
      r.path("verbs").forEach(v -> verbs.add(v.asText()));
      out.add(new ApiResource(new Gvr(group, version, name, r.path("namespaced").asBoolean()),
          r.path("kind").asText(), verbs));
    }
    return out;
  }
}
