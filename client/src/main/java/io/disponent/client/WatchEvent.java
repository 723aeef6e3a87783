package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;

/** One line of a watch: ADDED, MODIFIED, DELETED or BOOKMARK (ERROR lines end the watch instead). */
public record WatchEvent(String type, JsonNode object) {

  public boolean isBookmark() {
    return "BOOKMARK".equals(type);
  }

  public String resourceVersion() {
    return object.path("metadata").path("resourceVersion").asText("");
  }
}
