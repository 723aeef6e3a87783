package io.disponent.apiserver.selector;

/** The operators of a label selector requirement (apimachinery's {@code selection.Operator}). */
public enum Operator {
  /** {@code key in (a,b)}: the label is present with one of the values. */
  IN("in"),
  /** {@code key notin (a,b)}: the label is absent or has none of the values. */
  NOT_IN("notin"),
  /** {@code key=a}: the label is present with the value. */
  EQUALS("="),
  /** {@code key==a}: same as {@link #EQUALS}. */
  DOUBLE_EQUALS("=="),
  /** {@code key!=a}: the label is absent or has another value. */
  NOT_EQUALS("!="),
  /** {@code key>5}: the label is present and, as an integer, greater. */
  GREATER_THAN("gt"),
  /** {@code key<5}: the label is present and, as an integer, less. */
  LESS_THAN("lt"),
  /** {@code key}: the label is present. */
  EXISTS("exists"),
  /** {@code !key}: the label is absent. */
  DOES_NOT_EXIST("!");

  private final String name;

  Operator(String name) {
    this.name = name;
  }

  /** The operator's name as apimachinery spells it ({@code in}, {@code gt}, {@code !}, ...). */
  public String goName() {
    return name;
  }

  boolean isSetBased() {
    return this == IN || this == NOT_IN;
  }

  boolean isExactMatch() {
    return this == EQUALS || this == DOUBLE_EQUALS || this == NOT_EQUALS;
  }

  boolean isUnary() {
    return this == EXISTS || this == DOES_NOT_EXIST;
  }

  boolean isNumeric() {
    return this == GREATER_THAN || this == LESS_THAN;
  }
}
