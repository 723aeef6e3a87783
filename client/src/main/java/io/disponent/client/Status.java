package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The parts of a metav1.Status an error carries: HTTP code, reason (e.g. Conflict, Expired) and message. */
public record Status(int code, String reason, String message) {

  /** Reads a Status body; falls back to the HTTP code and the raw text when the body is not one. */
  static Status from(int httpCode, JsonNode body, String raw) {
    if (body != null && body.isObject() && "Status".equals(body.path("kind").asText())) {
      int code = body.path("code").asInt(httpCode);
      return new Status(code == 0 ? httpCode : code, body.path("reason").asText(""), body.path("message").asText(""));
    }
    String text = raw == null ? "" : raw.length() > 500 ? raw.substring(0, 500) : raw;
    return new Status(httpCode, "", text);
  }
}
