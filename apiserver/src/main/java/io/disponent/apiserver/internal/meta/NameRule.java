package io.disponent.apiserver.internal.meta;

import io.disponent.apiserver.validation.Names;
import java.util.ArrayList;
import java.util.List;

/** How an object's {@code metadata.name} is validated, as apimachinery's {@code ValidateNameFunc}s. */
public enum NameRule {
  /** A DNS-1123 subdomain, at most 253 characters: most objects, custom resources included. */
  DNS_SUBDOMAIN,
  /** A DNS-1123 label, at most 63 characters: namespaces. */
  DNS_LABEL,
  /** Anything usable as one URL path segment: not {@code .} or {@code ..}, no {@code /} or {@code %}. */
  PATH_SEGMENT;

  /**
   * The problems with {@code name}; with {@code prefix}, {@code name} is a generateName, which
   * may end in '-' (a random suffix follows it).
   */
  public List<String> validate(String name, boolean prefix) {
    switch (this) {
      case DNS_LABEL:
        return Names.validateDns1123Label(prefix ? maskTrailingDash(name) : name);
      case PATH_SEGMENT:
        return pathSegment(name, prefix);
      default:
        return Names.validateDns1123Subdomain(prefix ? maskTrailingDash(name) : name);
    }
  }

  private static String maskTrailingDash(String name) {
    return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 1) + "a" : name;
  }

  private static List<String> pathSegment(String name, boolean prefix) {
    List<String> errs = new ArrayList<>();
    if (!prefix && (name.equals(".") || name.equals(".."))) {
      errs.add("may not be '" + name + "'");
    }
    for (String illegal : new String[] {"/", "%"}) {
      if (name.contains(illegal)) {
        errs.add("may not contain '" + illegal + "'");
      }
    }
    return errs;
  }
}
