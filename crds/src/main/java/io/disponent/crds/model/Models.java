package io.disponent.crds.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Converts between the JSON of objects and these records. Thread-safe. */
public final class Models {

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Models() {}

  public static <T> T read(JsonNode json, Class<T> type) {
    try {
      return MAPPER.treeToValue(json, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("models: cannot read a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  public static ObjectNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
