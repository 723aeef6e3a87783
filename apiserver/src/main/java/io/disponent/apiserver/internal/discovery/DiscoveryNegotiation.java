package io.disponent.apiserver.internal.discovery;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks the discovery format an Accept header prefers: highest q first, then header order. */
final class DiscoveryNegotiation {

  private DiscoveryNegotiation() {}

  static Optional<DiscoveryFormat> negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(DiscoveryFormat.LEGACY);
    }
    DiscoveryFormat best = null;
    double bestQ = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
      Map<String, String> params = new HashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        if (kv.length == 2) {
          params.put(kv[0].trim().toLowerCase(Locale.ROOT), unquote(kv[1].trim()));
        }
      }
      double q = quality(params.remove("q"));
      DiscoveryFormat format = formatOf(mediaType, params);
      if (format != null && q > bestQ) {
        best = format;
        bestQ = q;
      }
    }
    return Optional.ofNullable(best);
  }

  private static DiscoveryFormat formatOf(String mediaType, Map<String, String> params) {
    if (!mediaType.equals("application/json") && !mediaType.equals("application/*") && !mediaType.equals("*/*")) {
      return null;
    }
    if (params.isEmpty()) {
      return DiscoveryFormat.LEGACY;
    }
    if (!"apidiscovery.k8s.io".equals(params.get("g")) || !"APIGroupDiscoveryList".equals(params.get("as"))) {
      return null;
    }
    String version = params.get("v");
    if ("v2".equals(version)) {
      return DiscoveryFormat.AGGREGATED_V2;
    }
    return "v2beta1".equals(version) ? DiscoveryFormat.AGGREGATED_V2BETA1 : null;
  }

  private static double quality(String q) {
    if (q == null) {
      return 1;
    }
    try {
      return Double.parseDouble(q);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
