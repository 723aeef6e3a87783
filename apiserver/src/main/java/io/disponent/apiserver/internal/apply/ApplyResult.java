package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of a server-side apply.
 *
 * @param object the new object, {@code metadata.managedFields} set to {@code managedFields}
 * @param managedFields the new entries, in Kubernetes' order
 * @param changed false when the apply changed neither the object nor its managed fields (the
 *     caller can skip the write, as Kubernetes does)
 */
public record ApplyResult(ObjectNode object, List<ManagedFieldsEntry> managedFields, boolean changed) {
  public ApplyResult {
    managedFields = List.copyOf(managedFields);
  }
}
