package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The items of a list (every page) and the list's resourceVersion, from which a watch resumes. */
public record ObjectList(List<JsonNode> items, String resourceVersion) {
  public ObjectList {
    items = List.copyOf(items);
  }
}
