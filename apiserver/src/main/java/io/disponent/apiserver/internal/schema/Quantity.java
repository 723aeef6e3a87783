package io.disponent.apiserver.internal.schema;

import java.util.regex.Pattern;

/**
 * The grammar of a Kubernetes resource quantity ({@code resource.Quantity}): a signed decimal
 * number, then a binary-SI suffix (Ki..Ei), a decimal-SI suffix (n, u, m, k, M..E) or a decimal
 * exponent ({@code e3}, {@code E-2}).
 */
public final class Quantity {

  private static final Pattern GRAMMAR = Pattern.compile(
      "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?");

  private Quantity() {}

  /** Whether {@code text} is a quantity, e.g. {@code 250m}, {@code 1.5Gi}, {@code 1e3}. */
  public static boolean isValid(String text) {
    return text != null && GRAMMAR.matcher(text).matches();
  }
}
