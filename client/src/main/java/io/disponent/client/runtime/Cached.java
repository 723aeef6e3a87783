package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.crds.model.Models;

/**
 * One object as an informer holds it: the JSON as the server sent it (for writes: copy, edit, update) and
 * the value decoded from it once, when it arrived (for reading: no pass decodes it again).
 */
public record Cached<T>(JsonNode json, T value) {

  /** {@code json} decoded into a record of the crds model (e.g. {@code Task.class}). */
  public static <T> Cached<T> decode(JsonNode json, Class<T> type) {
    return new Cached<>(json, Models.read(json, type));
  }
}
