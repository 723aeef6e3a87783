package io.disponent.crds.vocab;

/** The annotation keys Disponent reads and writes on its objects. */
public final class Annotations {
  /** On a Task: it was replaced while UNREACHABLE; if it comes back it is killed first. */
  public static final String REPLACED = "disponent.io/replaced";
  /** On a Task: how many failures in a row preceded its launch (its backoff count). */
  public static final String CONSECUTIVE_FAILURES = "disponent.io/consecutive-failures";
  /** On a Task: the message of the failure that preceded its launch. */
  public static final String LAST_FAILURE = "disponent.io/last-failure";
  /** On a Task: the Task it replaces (a drain surge or a replacement). */
  public static final String REPLACES = "disponent.io/replaces";
  /** On a Task created to replace one killed for health: it counts against the kill budget until Healthy. */
  public static final String AFTER_HEALTH_KILL = "disponent.io/after-health-kill";
  /** On a Node: {@code "true"} asks for a drain (replacements first, then the old tasks are killed). */
  public static final String DRAIN = "disponent.io/drain";
  /** On a Node: the scheduler's reservations (task uid to resources and ports). */
  public static final String RESERVATIONS = "disponent.io/reservations";
  /** On a Service: its template revision history. */
  public static final String REVISIONS = "disponent.io/revisions";

  private Annotations() {}
}
