package io.disponent.controllers.plan;

/**
 * The label, annotation and condition names that the planners read and ask the reconcilers to write.
 * A Task's template revision is the label {@link #REVISION}, the value {@link TemplateHash#of} of the
 * Service's {@code spec.template} that the Task was created from.
 */
public final class Labels {
  /** Label on a Task: the {@link TemplateHash} of the template it was created from. */
  public static final String REVISION = "disponent.io/revision";
  /** Label on a Task: the name of the Service that owns it (also the Service's selector). */
  public static final String SERVICE = "disponent.io/service";
  /** Annotation on a Task: it was replaced while UNREACHABLE; if it comes back it is killed first. */
  public static final String REPLACED = "disponent.io/replaced";
  /** Annotation on a Task: how many failures in a row preceded its launch (its backoff count). */
  public static final String CONSECUTIVE_FAILURES = "disponent.io/consecutive-failures";
  /** Annotation on a Task: the message of the failure that preceded its launch. */
  public static final String LAST_FAILURE = "disponent.io/last-failure";
  /** Annotation on a Task: the Task it replaces (a drain surge or a replacement). */
  public static final String REPLACES = "disponent.io/replaces";
  /** On a Task created to replace one killed for health: it counts against the kill budget until Healthy. */
  public static final String AFTER_HEALTH_KILL = "disponent.io/after-health-kill";
  /**
   * Task condition set by the node lifecycle controller: {@code False} while the Task is UNREACHABLE,
   * its {@code lastTransitionTime} says since when.
   */
  public static final String REACHABLE_CONDITION = "Reachable";

  private Labels() {}
}
