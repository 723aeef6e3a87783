package io.disponent.apiserver.internal.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiled schema {@code pattern}s, shared by every schema that uses the same text. */
final class Patterns {

  private static final int MAX_CACHED = 10_000;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Patterns() {}

  /** The compiled pattern; throws {@link PatternSyntaxException} when it is not a valid regex. */
  static Pattern get(String regex) {
    Pattern p = CACHE.get(regex);
    if (p == null) {
      if (CACHE.size() >= MAX_CACHED) {
        CACHE.clear();
      }
      p = Pattern.compile(regex);
      CACHE.put(regex, p);
    }
    return p;
  }

  /** Whether {@code value} contains a match, as Go's {@code regexp.MatchString} (unanchored). */
  static boolean matches(String regex, String value) {
    return get(regex).matcher(value).find();
  }

  /** Null when {@code regex} compiles, else why not. */
  static String error(String regex) {
    try {
      get(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return e.getDescription();
    }
  }
}
