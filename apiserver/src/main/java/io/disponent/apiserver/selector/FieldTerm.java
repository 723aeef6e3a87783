package io.disponent.apiserver.selector;

import java.util.function.Function;

/**
 * One term of a field selector: {@code field=value} ({@code ==} is the same) or
 * {@code field!=value}.
 *
 * @param field the field path, e.g. {@code metadata.name}, taken verbatim
 * @param negated true for {@code !=}
 * @param value the unescaped value
 */
public record FieldTerm(String field, boolean negated, String value) {

  /** Whether the term holds; an absent field (null) has the value "", as in apimachinery. */
  public boolean matches(Function<String, String> fieldValue) {
    String actual = fieldValue.apply(field);
    boolean equal = value.equals(actual == null ? "" : actual);
    return negated != equal;
  }

  /** The canonical form, with the value escaped: {@code field=value} or {@code field!=value}. */
  @Override
  public String toString() {
    return field + (negated ? "!=" : "=") + FieldValues.escape(value);
  }
}
