package io.disponent.controllers.plan.service;

/**
 * A Task to create from the Service's template of {@code revision} (label {@code disponent.io/revision}).
 *
 * @param replaces the Task it replaces (annotation {@code disponent.io/replaces}), or null
 * @param consecutiveFailures the backoff count to carry (annotation), 0 for a fresh launch
 * @param lastFailure the failure message to carry (annotation), or null
 * @param afterHealthKill whether it replaces a Task killed for health (annotation
 *     {@code disponent.io/after-health-kill}): until it is Healthy it counts against the kill budget
 */
public record TaskCreate(String revision, String replaces, int consecutiveFailures, String lastFailure,
    boolean afterHealthKill) {

  public TaskCreate(String revision, String replaces, int consecutiveFailures, String lastFailure) {
    this(revision, replaces, consecutiveFailures, lastFailure, false);
  }
}
