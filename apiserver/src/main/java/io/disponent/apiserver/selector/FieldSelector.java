package io.disponent.apiserver.selector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * A field selector: terms that must all hold (apimachinery's {@code fields.Selector}).
 *
 * <p>The terms are kept in the order apimachinery keeps them: the raw terms sorted as strings.
 */
public final class FieldSelector {

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());
  private static final String[] OPERATORS = {"!=", "==", "="};

  private final List<FieldTerm> terms;

  private FieldSelector(List<FieldTerm> terms) {
    this.terms = List.copyOf(terms);
  }

  /** The selector that matches every object. */
  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /**
   * Parses the {@code ?fieldSelector=} syntax as apimachinery's {@code fields.ParseSelector}:
   * comma-separated {@code field=value}, {@code field==value} or {@code field!=value}, where
   * {@code \,} {@code \=} and {@code \\} escape within a value. Nothing is trimmed; empty terms are
   * skipped, so "" gives {@link #everything()}.
   *
   * @throws SelectorException listing every bad term, phrased like apimachinery's
   */
  public static FieldSelector parse(String selector) {
    List<String> parts = splitTerms(selector);
    parts.sort(FieldSelector::compareAsUtf8);
    List<FieldTerm> terms = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      int[] operator = findOperator(part);
      if (operator == null) {
        problems.add("invalid selector: '" + selector + "'; can't understand '" + part + "'");
        continue;
      }
      String field = part.substring(0, operator[0]);
      String op = OPERATORS[operator[1]];
      try {
        String value = FieldValues.unescape(part.substring(operator[0] + op.length()));
        terms.add(new FieldTerm(field, op.equals("!="), value));
      } catch (SelectorException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SelectorException(problems);
    }
    return terms.isEmpty() ? EVERYTHING : new FieldSelector(terms);
  }

  /** The first position holding an operator, and which one ({@code !=} before {@code ==}). */
  private static int[] findOperator(String part) {
    for (int i = 0; i < part.length(); i++) {
      for (int op = 0; op < OPERATORS.length; op++) {
        if (part.startsWith(OPERATORS[op], i)) {
          return new int[] {i, op};
        }
      }
    }
    return null;
  }

  /** Go's string order: by UTF-8 bytes, which is code point order. */
  private static int compareAsUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Splits on commas not escaped by a backslash, keeping the escapes. */
  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    if (selector.isEmpty()) {
      return terms;
    }
    int start = 0;
    boolean inSlash = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (inSlash) {
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  /**
   * Whether every term holds. {@code fieldValue} gives a field's value, or null when the object
   * has no such field; null is compared as "" (apimachinery's {@code fields.Set.Get}).
   */
  public boolean matches(Function<String, String> fieldValue) {
    for (FieldTerm term : terms) {
      if (!term.matches(fieldValue)) {
        return false;
      }
    }
    return true;
  }

  /** The terms, in canonical order. */
  public List<FieldTerm> terms() {
    return terms;
  }

  /** The distinct field paths the terms use, in canonical order. */
  public List<String> fields() {
    LinkedHashSet<String> fields = new LinkedHashSet<>();
    for (FieldTerm term : terms) {
      fields.add(term.field());
    }
    return List.copyOf(fields);
  }

  /**
   * One {@code field label not supported: x} message (the API server's wording) for each field
   * used that is not in {@code supported}; empty when all are supported.
   */
  public List<String> unsupportedFields(Collection<String> supported) {
    List<String> problems = new ArrayList<>();
    for (String field : fields()) {
      if (!supported.contains(field)) {
        problems.add("field label not supported: " + field);
      }
    }
    return problems;
  }

  /** Whether this selector places no restriction. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The canonical form: terms comma-separated, {@code ==} written {@code =}, values escaped. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>(terms.size());
    for (FieldTerm term : terms) {
      parts.add(term.toString());
    }
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector other && terms.equals(other.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }
}
