package io.disponent.apiserver.internal.rest;

import java.util.Arrays;
import java.util.List;

/**
 * A resource request's path, parsed: {@code /api/v1/...} or {@code /apis/{group}/{version}/...}
 * followed by {@code [namespaces/{ns}/]{plural}[/{name}[/{subresource}]]}.
 *
 * @param namespace null for cluster-scoped and all-namespaces requests
 * @param name null for collection requests
 * @param subresource null, or {@code status}, {@code scale}, ...
 */
public record RequestInfo(String group, String version, String namespace, String plural, String name,
    String subresource) {

  /** Parses a resource path; null when the path is not one (discovery, unknown prefixes). */
  public static RequestInfo parse(String path) {
    List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String group;
    int i;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      i = 2;
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      i = 3;
    } else {
      return null;
    }
    String version = parts.get(i - 1);
    List<String> rest = parts.subList(i, parts.size());
    if (!rest.isEmpty() && rest.get(0).equals("watch")) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty() || rest.size() > 5) {
      return null;
    }
    if (rest.get(0).equals("namespaces") && rest.size() >= 3
        && !(group.isEmpty() && rest.size() == 3 && isNamespaceSubresource(rest.get(2)))) {
      return new RequestInfo(group, version, rest.get(1), rest.get(2), at(rest, 3), at(rest, 4));
    }
    if (rest.size() > 3) {
      return null;
    }
    return new RequestInfo(group, version, null, rest.get(0), at(rest, 1), at(rest, 2));
  }

  /** Whether the path used the legacy {@code /watch/} prefix. */
  public static boolean legacyWatch(String path) {
    return path.matches("^/apis?/(?:[^/]+/)?v[^/]*/watch/.*") || path.matches("^/apis/[^/]+/[^/]+/watch/.*");
  }

  private static boolean isNamespaceSubresource(String s) {
    return s.equals("status") || s.equals("finalize");
  }

  private static String at(List<String> parts, int i) {
    return i < parts.size() ? parts.get(i) : null;
  }
}
