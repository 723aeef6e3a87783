package io.disponent.apiserver.internal.rest;

import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.selector.FieldSelector;
import io.disponent.apiserver.selector.LabelSelector;
import io.disponent.apiserver.selector.SelectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The query of a list or watch.
 *
 * @param resourceVersion null when unset
 * @param resourceVersionMatch null, {@code NotOlderThan} or {@code Exact}
 * @param timeoutSeconds 0 when unset
 */
public record ListOptions(
    LabelSelector labels,
    FieldSelector fields,
    long limit,
    String continueToken,
    String resourceVersion,
    String resourceVersionMatch,
    boolean watch,
    boolean allowBookmarks,
    long timeoutSeconds,
    boolean sendInitialEvents) {

  /** Parses query parameters, reporting every bad one in one 400. */
  public static ListOptions parse(Function<String, String> query) {
    List<StatusCause> causes = new ArrayList<>();
    LabelSelector labels = null;
    FieldSelector fields = null;
    try {
      String l = query.apply("labelSelector");
      labels = l == null ? null : LabelSelector.parse(l);
    } catch (SelectorException e) {
      e.problems().forEach(p -> causes.add(StatusCause.invalid("labelSelector", query.apply("labelSelector"), p)));
    }
    try {
      String f = query.apply("fieldSelector");
      fields = f == null ? null : FieldSelector.parse(f);
    } catch (SelectorException e) {
      e.problems().forEach(p -> causes.add(StatusCause.invalid("fieldSelector", query.apply("fieldSelector"), p)));
    }
    long limit = number(query, "limit", causes);
    long timeout = number(query, "timeoutSeconds", causes);
    String rv = blankToNull(query.apply("resourceVersion"));
    if (rv != null && !rv.matches("\\d{1,19}")) {
      causes.add(StatusCause.invalid("resourceVersion", rv, "must be a non-negative integer"));
    }
    String match = blankToNull(query.apply("resourceVersionMatch"));
    if (match != null) {
      if (!match.equals("NotOlderThan") && !match.equals("Exact")) {
        causes.add(StatusCause.notSupported("resourceVersionMatch", match, List.of("Exact", "NotOlderThan")));
      } else if (rv == null) {
        causes.add(StatusCause.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
      } else if (match.equals("Exact") && rv.equals("0")) {
        causes.add(StatusCause.forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
      }
    }
    boolean watch = bool(query.apply("watch"));
    if (watch && match != null) {
      causes.add(StatusCause.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch"));
    }
    String cont = blankToNull(query.apply("continue"));
    if (cont != null && rv != null && !rv.equals("0")) {
      causes.add(StatusCause.forbidden("resourceVersion", "specifying resource version is not allowed when using continue"));
    }
    if (!causes.isEmpty()) {
      throw ApiException.badRequest("invalid list options: "
          + String.join("; ", causes.stream().map(StatusCause::describe).toList()), causes);
    }
    return new ListOptions(labels, fields, limit, cont, rv, match, watch,
        bool(query.apply("allowWatchBookmarks")), timeout, bool(query.apply("sendInitialEvents")));
  }

  /** The resourceVersion as a number; 0 when unset or "0". */
  public long revision() {
    return resourceVersion == null ? 0 : Long.parseLong(resourceVersion);
  }

  private static long number(Function<String, String> query, String name, List<StatusCause> causes) {
    String v = blankToNull(query.apply(name));
    if (v == null) {
      return 0;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        causes.add(StatusCause.invalid(name, v, "must be non-negative"));
      }
      return n;
    } catch (NumberFormatException e) {
      causes.add(StatusCause.invalid(name, v, "must be an integer"));
      return 0;
    }
  }

  private static boolean bool(String v) {
    return v != null && (v.equals("true") || v.equals("1"));
  }

  private static String blankToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}
