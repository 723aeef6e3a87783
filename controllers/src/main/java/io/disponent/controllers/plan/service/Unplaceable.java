package io.disponent.controllers.plan.service;

import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Task;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.TaskStates;
import java.util.List;
import java.util.Optional;

/**
 * The live, unbound Tasks of a Service that the scheduler could not place ({@code Scheduled=False}), and the
 * placement message of the first of them (e.g. {@code 0/1 nodes fit: 1 constraint hostname:UNIQUE}).
 */
record Unplaceable(int count, String message) {

  static Optional<Unplaceable> of(List<Task> tasks) {
    int count = 0;
    String message = null;
    for (Task t : tasks) {
      String reason = unschedulable(t);
      if (reason != null) {
        count++;
        message = message == null ? reason : message;
      }
    }
    return count == 0 ? Optional.empty() : Optional.of(new Unplaceable(count, message));
  }

  /** "N of M instances cannot be placed: message". */
  String describe(int instances) {
    return count + " of " + instances + " instances cannot be placed: " + message;
  }

  private static String unschedulable(Task t) {
    boolean bound = t.spec() != null && t.spec().nodeName() != null && !t.spec().nodeName().isEmpty();
    boolean deleting = t.metadata() != null && t.metadata().getDeletionTimestamp() != null;
    String state = t.status() == null ? null : t.status().state();
    if (bound || deleting || TaskStates.terminal(state) || TaskStates.KILLING.equals(state)
        || t.status() == null || t.status().conditions() == null) {
      return null;
    }
    for (Condition c : t.status().conditions()) {
      if (ConditionTypes.SCHEDULED.equals(c.type()) && "False".equals(c.status())) {
        return c.message() == null ? "" : c.message();
      }
    }
    return null;
  }
}
