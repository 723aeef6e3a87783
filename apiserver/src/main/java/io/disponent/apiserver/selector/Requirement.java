package io.disponent.apiserver.selector;

import io.disponent.apiserver.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One requirement of a label selector: a key, an operator and the values it relates them to
 * (apimachinery's {@code labels.Requirement}). Create checked ones with {@link #of}.
 *
 * @param key the label key, a qualified name
 * @param operator how the label's value relates to {@code values}
 * @param values the values; empty for {@link Operator#EXISTS} and {@link Operator#DOES_NOT_EXIST}
 */
public record Requirement(String key, Operator operator, List<String> values) {

  /** Copies {@code values}; does not validate (see {@link #of}). */
  public Requirement {
    values = List.copyOf(values);
  }

  /**
   * A validated requirement, as apimachinery's {@code NewRequirement}.
   *
   * @throws SelectorException listing every problem, e.g. {@code key: Invalid value: ...}
   */
  public static Requirement of(String key, Operator operator, List<String> values) {
    List<String> problems = validate(key, operator, values, true);
    if (!problems.isEmpty()) {
      throw new SelectorException(problems);
    }
    return new Requirement(key, operator, values);
  }

  /** NewRequirement's checks; {@code checkKey} false when the parser already reported the key. */
  static List<String> validate(
      String key, Operator operator, List<String> values, boolean checkKey) {
    List<String> problems = new ArrayList<>();
    if (checkKey) {
      List<String> keyErrors = Names.validateQualifiedName(key);
      if (!keyErrors.isEmpty()) {
        problems.add(GoFormat.invalid("key", GoFormat.quote(key), String.join("; ", keyErrors)));
      }
    }
    String slice = GoFormat.stringSlice(values);
    if (operator.isSetBased() && values.isEmpty()) {
      problems.add(
          GoFormat.invalid(
              "values", slice, "for 'in', 'notin' operators, values set can't be empty"));
    } else if (operator.isExactMatch() && values.size() != 1) {
      problems.add(
          GoFormat.invalid("values", slice, "exact-match compatibility requires one single value"));
    } else if (operator.isUnary() && !values.isEmpty()) {
      problems.add(
          GoFormat.invalid(
              "values", slice, "values set must be empty for exists and does not exist"));
    } else if (operator.isNumeric()) {
      if (values.size() != 1) {
        problems.add(
            GoFormat.invalid(
                "values", slice, "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      for (int i = 0; i < values.size(); i++) {
        if (parseLong(values.get(i)) == null) {
          problems.add(
              GoFormat.invalid(
                  "values[" + i + "]",
                  GoFormat.quote(values.get(i)),
                  "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      List<String> valueErrors = Names.validateLabelValue(values.get(i));
      if (!valueErrors.isEmpty()) {
        problems.add(
            GoFormat.invalid(
                "values[" + i + "][" + key + "]",
                GoFormat.quote(values.get(i)),
                String.join("; ", valueErrors)));
      }
    }
    return problems;
  }

  /** Whether {@code labels} satisfy this requirement (apimachinery's {@code Matches}). */
  public boolean matches(Map<String, String> labels) {
    boolean has = labels.containsKey(key);
    switch (operator) {
      case IN:
      case EQUALS:
      case DOUBLE_EQUALS:
        return has && values.contains(labels.get(key));
      case NOT_IN:
      case NOT_EQUALS:
        return !has || !values.contains(labels.get(key));
      case EXISTS:
        return has;
      case DOES_NOT_EXIST:
        return !has;
      case GREATER_THAN:
      case LESS_THAN:
        if (!has || values.size() != 1) {
          return false;
        }
        Long actual = parseLong(labels.get(key));
        Long bound = parseLong(values.get(0));
        if (actual == null || bound == null) {
          return false;
        }
        return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
      default:
        return false;
    }
  }

  /** The canonical form: {@code !k}, {@code k}, {@code k=v}, {@code k in (a,b)}, {@code k>5}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (operator == Operator.DOES_NOT_EXIST) {
      sb.append('!');
    }
    sb.append(key);
    switch (operator) {
      case EQUALS -> sb.append('=');
      case DOUBLE_EQUALS -> sb.append("==");
      case NOT_EQUALS -> sb.append("!=");
      case IN -> sb.append(" in ");
      case NOT_IN -> sb.append(" notin ");
      case GREATER_THAN -> sb.append('>');
      case LESS_THAN -> sb.append('<');
      default -> {
        return sb.toString();
      }
    }
    if (operator.isSetBased()) {
      sb.append('(');
    }
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    sb.append(String.join(",", sorted));
    if (operator.isSetBased()) {
      sb.append(')');
    }
    return sb.toString();
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}; null when it would fail. */
  static Long parseLong(String s) {
    if (s == null || s.isEmpty() || s.chars().skip(s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0)
        .anyMatch(c -> c < '0' || c > '9')) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
