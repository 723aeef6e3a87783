package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A list continuation: the revision the first page was read at and the last key returned, as
 * Kubernetes encodes it (base64 of {@code {"v":"meta.k8s.io/v1","rv":N,"start":"key"}}).
 */
public record ContinueToken(long revision, String startAfter) {

  public String encode() {
    ObjectNode n = Json.object();
    n.put("v", "meta.k8s.io/v1");
    n.put("rv", revision);
    n.put("start", startAfter);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(n));
  }

  public static ContinueToken decode(String token) {
    try {
      JsonNode n = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      if (!"meta.k8s.io/v1".equals(n.path("v").asText()) || !n.path("rv").canConvertToLong()
          || n.path("rv").asLong() <= 0 || !n.path("start").isTextual()) {
        throw new IllegalArgumentException("bad fields");
      }
      return new ContinueToken(n.path("rv").asLong(), n.path("start").asText());
    } catch (Exception e) {
      throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
    }
  }
}
