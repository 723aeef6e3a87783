package io.disponent.controllers.plan.placement;

import io.disponent.crds.model.Node;
import io.disponent.crds.model.NodeSpec;
import io.disponent.crds.model.NodeStatus;
import io.disponent.crds.model.PortRange;
import io.disponent.crds.model.Quantities;
import io.disponent.crds.model.ResourceList;
import java.util.HashMap;
import java.util.Map;

/**
 * One node as the scheduler sees it: allocatable resources, port range, attributes (with the implicit
 * {@code hostname}, the node's name unless the agent set one), cordon and readiness. Allocation is not
 * here: {@link ClusterView} derives it from the Tasks bound to the node.
 */
public record NodeView(String name, Map<String, String> attributes, long cpuMillis, long memoryBytes,
    long diskBytes, int portBegin, int portEnd, boolean unschedulable, boolean ready) {

  public static final int DEFAULT_PORT_BEGIN = 31000;
  public static final int DEFAULT_PORT_END = 32000;

  public NodeView {
    Map<String, String> a = new HashMap<>(attributes == null ? Map.of() : attributes);
    a.putIfAbsent("hostname", name);
    attributes = Map.copyOf(a);
  }

  /** A node read from its object; {@code ready} comes from the node lifecycle's verdict. */
  public static NodeView of(Node node, boolean ready) {
    NodeSpec spec = node.spec() == null ? new NodeSpec(null, null, null, null) : node.spec();
    NodeStatus status = node.status();
    ResourceList alloc = status == null ? null : status.allocatable();
    PortRange range = spec.portRange();
    return new NodeView(node.metadata().getName(), spec.attributes(),
        alloc == null ? 0 : Quantities.millis(alloc.cpus(), 0),
        alloc == null ? 0 : Quantities.bytes(alloc.memory(), 0),
        alloc == null ? 0 : Quantities.bytes(alloc.disk(), 0),
        range == null || range.begin() == null ? DEFAULT_PORT_BEGIN : range.begin(),
        range == null || range.end() == null ? DEFAULT_PORT_END : range.end(),
        Boolean.TRUE.equals(spec.unschedulable()), ready);
  }

  /** The value of a constraint field on this node ({@code hostname} or an attribute), or null. */
  public String field(String field) {
    return attributes.get(field);
  }
}
