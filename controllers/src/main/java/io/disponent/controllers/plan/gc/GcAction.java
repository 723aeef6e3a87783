package io.disponent.controllers.plan.gc;

import java.util.Set;

/** One step the collector takes; the planner answers them in the order they are to be done. */
public sealed interface GcAction {

  /**
   * The owner is not in the graph and not known gone: read it from the server ({@code namespace} null for a
   * cluster-scoped owner). Gone, or there with another uid, means absent; plan again knowing it.
   */
  record VerifyOwner(GcNode dependent, OwnerRef owner, String namespace) implements GcAction {}

  /** Delete the object (only this uid) with {@code propagationPolicy} Background or Foreground. */
  record Delete(GcNode node, String propagationPolicy) implements GcAction {}

  /** Drop the owner references to {@code remove}, set {@code blockOwnerDeletion: false} on those to {@code unblock}. */
  record PatchOwnerRefs(GcNode node, Set<String> remove, Set<String> unblock) implements GcAction {}

  /** Remove {@code finalizer} from the object. */
  record RemoveFinalizer(GcNode node, String finalizer) implements GcAction {}

  /** Record a Warning Event on the dependent: the reference is ignored. */
  record WarnInvalidOwnerRef(GcNode dependent, OwnerRef owner, String message) implements GcAction {
    public static final String REASON = "OwnerRefInvalidNamespace";
  }
}
