package io.disponent.apiserver.selector;

import java.util.List;

/**
 * A label or field selector that could not be parsed or is invalid. Carries every problem found,
 * each phrased as apimachinery phrases it, so an API server can answer 400 with one cause each.
 */
public final class SelectorException extends IllegalArgumentException {

  private final List<String> problems;

  /** Creates an exception for the given problems (at least one). */
  public SelectorException(List<String> problems) {
    super(String.join("; ", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SelectorException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in input order; the first is the one apimachinery would report. */
  public List<String> problems() {
    return problems;
  }
}
