package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.util.List;

/**
 * Everything a write goes through before it is stored: pruning of unknown fields (reported per
 * {@code fieldValidation}), defaulting from the schema, validation of metadata, the schema, its
 * CEL rules and the kind's admission hooks.
 */
public interface Admission {

  /**
   * Prunes, defaults and validates {@code obj} in place.
   *
   * @param old the stored object on updates, null on create
   * @return warnings for the client (unknown fields under {@code fieldValidation=Warn})
   * @throws io.disponent.apiserver.internal.errors.ApiException 400 for unknown fields under
   *     Strict, 422 with every cause when invalid
   */
  List<String> admit(ResourceType type, ObjectNode obj, ObjectNode old, WriteOptions options);
}
