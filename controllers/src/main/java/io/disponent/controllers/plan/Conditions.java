package io.disponent.controllers.plan;

import io.disponent.crds.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds conditions the Kubernetes way: the transition time moves only when the status changes. */
public final class Conditions {
  private Conditions() {}

  /**
   * A condition of {@code type}; keeps the previous {@code lastTransitionTime} when a condition of that
   * type with the same status exists in {@code previous}, else uses {@code now}.
   */
  public static Condition of(List<Condition> previous, String type, String status, String reason,
      String message, long generation, Instant now) {
    String since = now.toString();
    if (previous != null) {
      for (Condition c : previous) {
        if (type.equals(c.type()) && status.equals(c.status()) && c.lastTransitionTime() != null) {
          since = c.lastTransitionTime();
        }
      }
    }
    return new Condition(type, status, generation, since, reason, message);
  }

  /** {@code conditions} without those of {@code type}, then {@code replacement} appended. */
  public static List<Condition> put(List<Condition> conditions, Condition replacement) {
    List<Condition> out = new ArrayList<>();
    for (Condition c : conditions) {
      if (!c.type().equals(replacement.type())) {
        out.add(c);
      }
    }
    out.add(replacement);
    return List.copyOf(out);
  }
}
