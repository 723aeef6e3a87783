package io.disponent.crds.vocab;

/** The condition types on Disponent's objects, each with who sets it. */
public final class ConditionTypes {
  /** Node: the agent reports (True) and the node lifecycle controller turns it False when the lease lapses. */
  public static final String READY = "Ready";
  /** Task: the agent's liveness checks. */
  public static final String HEALTHY = "Healthy";
  /** Task: False (set by the node lifecycle controller) while the Task is UNREACHABLE, since its lastTransitionTime. */
  public static final String REACHABLE = "Reachable";
  /** Task: the scheduler placed it (True) or cannot (False, with the placement message). */
  public static final String SCHEDULED = "Scheduled";
  /** Service: enough instances are running, healthy and ready. */
  public static final String AVAILABLE = "Available";
  /** Service: a rollout or a scale is under way. */
  public static final String PROGRESSING = "Progressing";
  /** Service: it cannot make progress (crash loop, or instances that cannot be placed). */
  public static final String STALLED = "Stalled";
  /** Service: health kills are suspended because too many instances are unhealthy at once. */
  public static final String HEALTH_KILLS_SUSPENDED = "HealthKillsSuspended";

  private ConditionTypes() {}
}
