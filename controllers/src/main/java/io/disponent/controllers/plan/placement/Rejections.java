package io.disponent.controllers.plan.placement;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats why a task fits nowhere: {@code 0/3 nodes fit: 2 insufficient memory, 1 constraint hostname:UNIQUE},
 * reasons by count descending, then by name.
 */
public final class Rejections {
  private Rejections() {}

  public static String message(int fitting, int nodes, Map<String, Integer> reasons) {
    String head = fitting + "/" + nodes + " nodes fit";
    if (reasons.isEmpty()) {
      return head;
    }
    return head + ": " + reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
