package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The writes of whole objects (verbs create, update, patch, delete), not of their status subresource (see
 * {@link StatusWriter}). Each answers the object as the server stored it. Errors are {@link ApiException}s.
 */
public interface ResourceWriter {

  JsonNode create(Gvr gvr, String namespace, JsonNode object);

  /** PUT; the object's metadata.resourceVersion must be current, else {@link ConflictException}. */
  JsonNode update(Gvr gvr, JsonNode object);

  /** A merge or JSON patch of the object. */
  JsonNode patch(Gvr gvr, String namespace, String name, PatchType type, JsonNode patch);

  /** Server-side apply of the fields in {@code object} as {@code fieldManager}; {@code force} takes conflicts. */
  JsonNode apply(Gvr gvr, JsonNode object, String fieldManager, boolean force);

  /** Deletes; answers the object as the server returned it (with deletionTimestamp while finalizers remain). */
  JsonNode delete(Gvr gvr, String namespace, String name, DeleteOptions options);
}
