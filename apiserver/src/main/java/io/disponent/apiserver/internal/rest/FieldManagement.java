package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.registry.ResourceType;

/** Keeps {@code metadata.managedFields}: who owns which field, and server-side apply. */
public interface FieldManagement {

  /** Records a non-apply write (create, update, merge or JSON patch) by {@code manager} in {@code obj}. */
  void trackUpdate(ResourceType type, ObjectNode old, ObjectNode obj, String manager, String subresource);

  /**
   * Server-side apply of {@code config} by {@code manager} onto {@code live} (null to create).
   *
   * @return the merged object with its managedFields
   * @throws io.disponent.apiserver.internal.errors.ApiException 409 with one cause per contested
   *     field unless {@code force}
   */
  ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode config, String manager, boolean force,
      String subresource);
}
