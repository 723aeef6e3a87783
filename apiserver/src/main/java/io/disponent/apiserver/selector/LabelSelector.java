package io.disponent.apiserver.selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A label selector: requirements that must all hold (apimachinery's {@code labels.Selector}).
 *
 * <p>Build one from the {@code ?labelSelector=} syntax with {@link #parse}, or from a
 * {@code metav1.LabelSelector} object with {@link #fromMatchLabelsAndExpressions}. Requirements
 * are kept sorted by key (stable), which makes {@link #toString()} canonical.
 */
public final class LabelSelector {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
  private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private LabelSelector(List<Requirement> requirements, boolean nothing) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    this.requirements = List.copyOf(sorted);
    this.nothing = nothing;
  }

  /** The selector that matches every label set (an empty selector). */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** The selector that matches nothing: what a null {@code metav1.LabelSelector} means. */
  public static LabelSelector nothing() {
    return NOTHING;
  }

  /** A selector requiring all of {@code requirements}; none gives {@link #everything()}. */
  public static LabelSelector of(List<Requirement> requirements) {
    return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements, false);
  }

  /**
   * Parses the {@code ?labelSelector=} syntax, e.g. {@code env in (prod,qa),tier!=web,!canary},
   * as apimachinery's {@code labels.Parse}. An empty or blank string gives {@link #everything()}.
   *
   * @throws SelectorException listing the problems, phrased like apimachinery's
   */
  public static LabelSelector parse(String selector) {
    return of(LabelParser.parse(selector));
  }

  /**
   * Builds the selector a {@code metav1.LabelSelector} means, as apimachinery's
   * {@code LabelSelectorAsSelector}: each match label is an {@code =} requirement, each expression
   * an {@code In}/{@code NotIn}/{@code Exists}/{@code DoesNotExist} requirement. Both empty (or
   * null) gives {@link #everything()}; for a null selector object use {@link #nothing()}.
   *
   * @throws SelectorException listing every invalid key, value, operator or value count
   */
  public static LabelSelector fromMatchLabelsAndExpressions(
      Map<String, String> matchLabels, List<MatchExpression> matchExpressions) {
    Map<String, String> labels = matchLabels == null ? Map.of() : new TreeMap<>(matchLabels);
    List<MatchExpression> expressions = matchExpressions == null ? List.of() : matchExpressions;
    List<Requirement> requirements = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    labels.forEach(
        (key, value) -> {
          List<String> invalid = Requirement.validate(key, Operator.EQUALS, List.of(value), true);
          problems.addAll(invalid);
          if (invalid.isEmpty()) {
            requirements.add(new Requirement(key, Operator.EQUALS, List.of(value)));
          }
        });
    for (MatchExpression expression : expressions) {
      Operator operator = expressionOperator(expression.operator());
      if (operator == null) {
        problems.add(
            GoFormat.quote(Objects.toString(expression.operator(), ""))
                + " is not a valid label selector operator");
        continue;
      }
      List<String> invalid =
          Requirement.validate(expression.key(), operator, expression.values(), true);
      problems.addAll(invalid);
      if (invalid.isEmpty()) {
        requirements.add(new Requirement(expression.key(), operator, expression.values()));
      }
    }
    if (!problems.isEmpty()) {
      throw new SelectorException(problems);
    }
    return of(requirements);
  }

  private static Operator expressionOperator(String operator) {
    if (operator == null) {
      return null;
    }
    switch (operator) {
      case "In":
        return Operator.IN;
      case "NotIn":
        return Operator.NOT_IN;
      case "Exists":
        return Operator.EXISTS;
      case "DoesNotExist":
        return Operator.DOES_NOT_EXIST;
      default:
        return null;
    }
  }

  /** Whether every requirement holds for {@code labels} (null is taken as no labels). */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    Map<String, String> actual = labels == null ? Map.of() : labels;
    for (Requirement requirement : requirements) {
      if (!requirement.matches(actual)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector places no restriction (matches everything). */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  /** The requirements, sorted by key. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** The canonical form: requirements sorted by key, comma-separated; "" when empty. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(requirements.size());
    for (Requirement requirement : requirements) {
      parts.add(requirement.toString());
    }
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector other
        && nothing == other.nothing
        && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requirements, nothing);
  }
}
