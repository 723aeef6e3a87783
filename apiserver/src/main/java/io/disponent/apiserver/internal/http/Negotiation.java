package io.disponent.apiserver.internal.http;

import io.disponent.apiserver.internal.errors.ApiException;

/** What a client accepts in reply. */
public final class Negotiation {

  private Negotiation() {}

  /** Whether the client asked for a Table (kubectl get does, listing it before plain JSON). */
  public static boolean wantsTable(String accept) {
    if (accept == null) {
      return false;
    }
    for (String part : accept.split(",")) {
      String p = part.replace(" ", "");
      if (p.contains("as=Table") && p.contains("g=meta.k8s.io") && p.startsWith("application/json")) {
        return true;
      }
      if (p.startsWith("application/json") && !p.contains("as=")) {
        return false;
      }
    }
    return false;
  }

  /** JSON is all the server speaks; a client that accepts none of it gets 406. */
  public static void requireJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return;
    }
    for (String part : accept.split(",")) {
      String p = part.trim().toLowerCase(java.util.Locale.ROOT);
      if (p.startsWith("application/json") || p.startsWith("*/*") || p.startsWith("application/*")
          || p.startsWith("application/yaml") || p.isEmpty()) {
        return;
      }
    }
    throw ApiException.notAcceptable("only the following media types are accepted: application/json");
  }
}
