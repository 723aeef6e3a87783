package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The writes of the status subresource only (verbs update, patch on {@code <resource>/status}): what an agent
 * reporting on its objects needs. Errors are {@link ApiException}s.
 */
public interface StatusWriter {

  /** PUT to the status subresource; only {@code status} is taken. 409 when stale. */
  JsonNode updateStatus(Gvr gvr, JsonNode object);

  /** A merge or JSON patch of the status subresource. */
  JsonNode patchStatus(Gvr gvr, String namespace, String name, PatchType type, JsonNode patch);
}
