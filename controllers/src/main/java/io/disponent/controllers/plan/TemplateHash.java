package io.disponent.controllers.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.disponent.crds.model.TaskTemplate;
import io.disponent.crds.vocab.Labels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The revision of a Service's template: the first 10 hex digits of the SHA-256 of the template's
 * canonical JSON (properties and map keys sorted, nulls left out). Equal templates give equal hashes on
 * every JVM; any change of command, resources, ports, checks, labels or annotations gives a new one.
 * Stored on each Task as the label {@link Labels#REVISION}. Pure and thread-safe.
 */
public final class TemplateHash {
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      .build();

  private TemplateHash() {}

  /** The revision of {@code template}; a null template hashes like an empty one. */
  public static String of(TaskTemplate template) {
    try {
      byte[] json = CANONICAL.writeValueAsBytes(canonicalTree(template));
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("plan: cannot hash a task template: " + e.getMessage(), e);
    }
  }

  /** The canonical JSON text that is hashed (for debugging a surprising revision change). */
  public static String canonicalJson(TaskTemplate template) {
    try {
      return CANONICAL.writeValueAsString(canonicalTree(template));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan: cannot write a task template: " + e.getMessage(), e);
    }
  }

  private static Object canonicalTree(TaskTemplate template) {
    TaskTemplate t = template == null ? new TaskTemplate(null, null) : template;
    // Through plain maps: records write creator properties in declaration order, maps get sorted on write.
    return CANONICAL.convertValue(t, java.util.TreeMap.class);
  }
}
