package io.disponent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges kubeconfig files as kubectl merges {@code $KUBECONFIG}: clusters, contexts and users by name, the
 * first file that defines a name wins; {@code current-context} from the first file that sets it.
 */
final class KubeconfigMerge {
  static final List<String> NAMED = List.of("clusters", "contexts", "users");

  private KubeconfigMerge() {}

  static JsonNode merge(List<JsonNode> configs) {
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (String list : NAMED) {
      ArrayNode out = merged.putArray(list);
      Set<String> seen = new HashSet<>();
      for (JsonNode config : configs) {
        for (JsonNode entry : config.path(list)) {
          if (seen.add(entry.path("name").asText())) {
            out.add(entry);
          }
        }
      }
    }
    for (JsonNode config : configs) {
      String current = config.path("current-context").asText("");
      if (!current.isEmpty()) {
        merged.put("current-context", current);
        break;
      }
    }
    return merged;
  }
}
