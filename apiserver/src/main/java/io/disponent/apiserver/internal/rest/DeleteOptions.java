package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;
import java.util.function.Function;

/**
 * A delete's options, from its body ({@code DeleteOptions}) or query.
 *
 * @param propagationPolicy null, {@code Orphan}, {@code Background} or {@code Foreground}
 */
public record DeleteOptions(String propagationPolicy, String preconditionUid, String preconditionResourceVersion,
    boolean dryRun) {

  public static DeleteOptions parse(JsonNode body, Function<String, String> query) {
    String policy = text(body, "propagationPolicy", query.apply("propagationPolicy"));
    if (policy == null && body != null && body.has("orphanDependents")) {
      policy = body.get("orphanDependents").asBoolean() ? "Orphan" : "Background";
    } else if (policy == null && query.apply("orphanDependents") != null) {
      policy = "true".equals(query.apply("orphanDependents")) ? "Orphan" : "Background";
    }
    if (policy != null && !List.of("Orphan", "Background", "Foreground").contains(policy)) {
      throw ApiException.badRequest("invalid propagationPolicy",
          List.of(StatusCause.notSupported("propagationPolicy", policy, List.of("Background", "Foreground", "Orphan"))));
    }
    JsonNode pre = body == null ? null : body.get("preconditions");
    String dry = query.apply("dryRun");
    boolean dryRun = "All".equals(dry);
    if (body != null && body.has("dryRun")) {
      for (JsonNode d : body.get("dryRun")) {
        dryRun |= "All".equals(d.asText());
      }
    }
    return new DeleteOptions(policy,
        pre == null ? null : text(pre, "uid", null),
        pre == null ? null : text(pre, "resourceVersion", null),
        dryRun);
  }

  private static String text(JsonNode node, String field, String fallback) {
    if (node != null && node.hasNonNull(field) && !node.get(field).asText().isEmpty()) {
      return node.get(field).asText();
    }
    return fallback == null || fallback.isEmpty() ? null : fallback;
  }
}
