package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.registry.ResourceType;

/** Applies a merge, JSON or (for Namespaces) strategic-merge patch document to an object. */
public interface Patcher {

  /** The media types accepted, as they appear in Content-Type. */
  String MERGE = "application/merge-patch+json";
  String JSON = "application/json-patch+json";
  String STRATEGIC = "application/strategic-merge-patch+json";
  String APPLY = "application/apply-patch+yaml";

  /**
   * @return the patched copy (the input is not changed)
   * @throws io.disponent.apiserver.internal.errors.ApiException 400/422 for a bad patch, 415 for
   *     an unsupported type
   */
  ObjectNode patch(ResourceType type, ObjectNode current, String mediaType, JsonNode patch);
}
