package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;

/**
 * What one kind adds to the generic write path, like a Kubernetes admission plugin: Namespaces
 * wait for their contents on delete, CRDs are checked and accepted. The REST layer knows only
 * this interface.
 */
public interface KindHooks {

  KindHooks NONE = new KindHooks() {};

  /** How names of this kind are checked. */
  default io.disponent.apiserver.internal.meta.NameRule nameRule() {
    return io.disponent.apiserver.internal.meta.NameRule.DNS_SUBDOMAIN;
  }

  /** Fills in what the server sets on a new object. */
  default void onCreate(ObjectNode obj) {}

  /**
   * Updates what the server sets on an object whose main resource is replaced or patched (not on
   * status updates); runs before admission.
   */
  default void onUpdate(ObjectNode obj, ObjectNode old) {}

  /** Fills the kind's defaults that its schema cannot express; runs on every write, after schema defaults. */
  default void applyDefaults(ObjectNode obj) {}

  /** Causes that make the object invalid beyond its schema ({@code old} null on create). */
  default List<StatusCause> validate(ObjectNode obj, ObjectNode old) {
    return List.of();
  }

  /**
   * Marks {@code obj} as being deleted; returns true when its removal must wait (as for a
   * finalizer that the kind itself owns).
   */
  default boolean onDelete(ObjectNode obj) {
    return false;
  }

  /** Called once a write of {@code obj} was committed (not on dry runs); {@code deleted} when it was removed. */
  default void afterCommit(ObjectNode obj, boolean deleted) {}
}
