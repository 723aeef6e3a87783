package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reads of the API (verbs get, list, watch): what an informer, or a node authorizer's read grant, needs.
 * Errors are {@link ApiException}s.
 */
public interface ResourceReader {

  JsonNode get(Gvr gvr, String namespace, String name);

  /** Every page of a list (following {@code continue}); selectors may be null. */
  ObjectList list(Gvr gvr, String namespace, String labelSelector, String fieldSelector);

  /**
   * Opens a watch (with bookmarks) from {@code resourceVersion} (null or "" for current objects first as
   * ADDED) and streams its events to {@code handler} on a thread of its own.
   */
  Watch watch(Gvr gvr, String namespace, String labelSelector, String fieldSelector, String resourceVersion,
      WatchHandler handler);
}
