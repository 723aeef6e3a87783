package io.disponent.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A Node object (cluster-scoped); by default at 127.0.0.1 without attributes. */
public final class NodeBuilder {
  private final ObjectNode node;
  private final ObjectNode spec;

  private NodeBuilder(String name) {
    node = Manifests.object("disponent.io/v1", "Node", null, name);
    spec = node.putObject("spec").put("address", "127.0.0.1");
  }

  public static NodeBuilder node(String name) {
    return new NodeBuilder(name);
  }

  public NodeBuilder address(String address) {
    spec.put("address", address);
    return this;
  }

  /** An attribute for Marathon constraints. */
  public NodeBuilder attribute(String name, String value) {
    (spec.has("attributes") ? spec.with("attributes") : spec.putObject("attributes")).put(name, value);
    return this;
  }

  public NodeBuilder attributes(Map<String, String> attributes) {
    attributes.forEach(this::attribute);
    return this;
  }

  public ObjectNode build() {
    return node.deepCopy();
  }
}
