package io.disponent.controllers.plan.gc;

import io.disponent.client.Gvr;
import java.util.List;
import java.util.Set;

/**
 * What the collector knows of one object: who it is, whether it is being deleted, its finalizers and owners.
 *
 * @param namespace null for a cluster-scoped object
 * @param deleting whether {@code metadata.deletionTimestamp} is set
 */
public record GcNode(Gvr gvr, String kind, String namespace, String name, String uid, boolean deleting,
    Set<String> finalizers, List<OwnerRef> owners) {

  public GcNode {
    finalizers = Set.copyOf(finalizers);
    owners = List.copyOf(owners);
  }

  public boolean namespaced() {
    return namespace != null;
  }

  /** {@code kind namespace/name}, for messages. */
  public String describe() {
    return kind + " " + (namespace == null ? name : namespace + "/" + name);
  }
}
