package io.disponent.apiserver.internal.http;

import io.disponent.apiserver.internal.errors.ApiException;

/**
 * Refuses a query string with a broken percent-escape ({@code continue=%%%garbage}): the HTTP layer would drop that
 * parameter and the request would run as if it had not been given.
 */
final class QueryEscapes {
  private QueryEscapes() {}

  /** Throws a 400 naming the first bad escape; a null or well-formed query passes. */
  static void check(String query) {
    if (query == null) {
      return;
    }
    for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
      if (i + 2 >= query.length() || !hex(query.charAt(i + 1)) || !hex(query.charAt(i + 2))) {
        String bad = query.substring(i, Math.min(query.length(), i + 3));
        throw ApiException.badRequest("invalid query: invalid URL escape \"" + bad + "\"");
      }
    }
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
