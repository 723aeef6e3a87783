package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told of changes to an informer's cache, one at a time, on the informer's thread (keep it quick:
 * map to keys and enqueue). A resync calls {@link #onUpdate} with the same object twice.
 */
public interface EventHandler {

  default void onAdd(JsonNode object) {}

  default void onUpdate(JsonNode previous, JsonNode current) {}

  /** The last known state of a deleted object. */
  default void onDelete(JsonNode object) {}
}
