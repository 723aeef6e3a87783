package io.disponent.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A served resource: group ("" for core), version, plural and whether objects live in a namespace.
 * Builds the REST paths of the resource.
 */
public record Gvr(String group, String version, String plural, boolean namespaced) {

  public static final Gvr SERVICES = new Gvr("disponent.io", "v1", "services", true);
  public static final Gvr TASKS = new Gvr("disponent.io", "v1", "tasks", true);
  public static final Gvr NODES = new Gvr("disponent.io", "v1", "nodes", false);
  public static final Gvr EVENTS = new Gvr("", "v1", "events", true);
  public static final Gvr NAMESPACES = new Gvr("", "v1", "namespaces", false);
  public static final Gvr LEASES = new Gvr("coordination.k8s.io", "v1", "leases", true);
  public static final Gvr CRDS = new Gvr("apiextensions.k8s.io", "v1", "customresourcedefinitions", false);

  /** {@code group/version}, or {@code version} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The collection path; {@code namespace} null (or a cluster-scoped resource) means all namespaces. */
  public String collectionPath(String namespace) {
    String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    if (namespaced && namespace != null) {
      return root + "/namespaces/" + enc(namespace) + "/" + plural;
    }
    return root + "/" + plural;
  }

  public String objectPath(String namespace, String name) {
    if (namespaced && namespace == null) {
      throw new IllegalArgumentException("client: " + plural + " are namespaced; a namespace is required");
    }
    return collectionPath(namespace) + "/" + enc(name);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
