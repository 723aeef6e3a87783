package io.disponent.apiserver.selector;

import java.util.List;

/**
 * One entry of a {@code metav1.LabelSelector}'s {@code matchExpressions}, as it arrives in JSON.
 *
 * @param key the label key
 * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}; anything else
 *     is rejected when the selector is built
 * @param values the values (null is taken as none)
 */
public record MatchExpression(String key, String operator, List<String> values) {

  /** Copies {@code values}, taking null as none. */
  public MatchExpression {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
