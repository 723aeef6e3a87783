package io.disponent.controllers.plan;

import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Labels;
import io.disponent.crds.vocab.TaskStates;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.Map;

/**
 * What the planners need of one Task, read once from the object. Times are null when unknown.
 *
 * @param state the Task CRD state, null while unbound
 * @param health Healthy, Unhealthy or Unknown (null counts as Unknown)
 * @param hasHealthChecks whether the Task's spec declares health checks
 * @param unreachableSince when the Task turned UNREACHABLE (its {@code Reachable=False} condition)
 * @param replaced whether it was replaced while unreachable ({@link Labels#REPLACED})
 * @param consecutiveFailures the failures in a row before its launch ({@link Labels#CONSECUTIVE_FAILURES})
 * @param failureMessage this Task's failure if FAILED or ERROR, else the one before its launch
 * @param owner the owning Service's name ({@link Labels#SERVICE}), null when standalone
 * @param replaces the Task this one replaces ({@link Labels#REPLACES}), or null
 */
public record TaskView(String name, String state, String health, boolean hasHealthChecks, boolean ready,
    Instant created, Instant startedAt, Instant finishedAt, String node, String revision,
    Instant unreachableSince, boolean replaced, int consecutiveFailures, String failureMessage,
    String owner, String replaces) {

  /** Reads a Task object; tolerant of absent spec, status and metadata parts. */
  public static TaskView of(Task task) {
    ObjectMeta meta = task.metadata() == null ? new ObjectMeta() : task.metadata();
    TaskSpec spec = task.spec();
    TaskStatus status = task.status();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    Instant unreachableSince = null;
    if (status != null && status.conditions() != null) {
      for (Condition c : status.conditions()) {
        if (ConditionTypes.REACHABLE.equals(c.type()) && "False".equals(c.status())) {
          unreachableSince = time(c.lastTransitionTime());
        }
      }
    }
    int failures = 0;
    try {
      failures = Integer.parseInt(annotations.getOrDefault(Annotations.CONSECUTIVE_FAILURES, "0"));
    } catch (NumberFormatException e) {
      failures = 0; // a hand-edited annotation must not stop planning; treat as a first launch
    }
    return new TaskView(meta.getName(),
        status == null ? null : status.state(),
        status == null ? null : status.health(),
        spec != null && spec.healthChecks() != null && !spec.healthChecks().isEmpty(),
        status != null && Boolean.TRUE.equals(status.ready()),
        time(meta.getCreationTimestamp()),
        status == null ? null : time(status.startedAt()),
        status == null ? null : time(status.finishedAt()),
        spec == null ? null : spec.nodeName(),
        labels.get(Labels.REVISION),
        unreachableSince,
        "true".equals(annotations.get(Annotations.REPLACED)),
        failures,
        status == null || failureMessage(status) == null ? annotations.get(Annotations.LAST_FAILURE) : failureMessage(status),
        labels.get(Labels.SERVICE), annotations.get(Annotations.REPLACES));
  }

  /** Whether the Task is RUNNING and Healthy, or RUNNING without health checks and not Unhealthy. */
  public boolean healthy() {
    if (!TaskStates.RUNNING.equals(state)) {
      return false;
    }
    return "Healthy".equals(health) || (!hasHealthChecks && !"Unhealthy".equals(health));
  }

  /** Whether the agent judged the Task Unhealthy. */
  public boolean unhealthy() {
    return TaskStates.RUNNING.equals(state) && "Unhealthy".equals(health);
  }

  /** Whether the Task is still, or will be, running: not terminal and not being killed. */
  public boolean live() {
    return !TaskStates.terminal(state) && !TaskStates.KILLING.equals(state);
  }

  /** Same Task in another state (for tests and the planners' what-if reasoning). */
  public TaskView withState(String newState) {
    return new TaskView(name, newState, health, hasHealthChecks, ready, created, startedAt, finishedAt, node,
        revision, unreachableSince, replaced, consecutiveFailures, failureMessage, owner, replaces);
  }

  private static String failureMessage(TaskStatus s) {
    if (s.state() == null || !TaskStates.FAILURES.contains(s.state())) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.state());
    if (s.exitCode() != null) {
      b.append(" with exit code ").append(s.exitCode());
    }
    if (s.signal() != null) {
      b.append(" by signal ").append(s.signal());
    }
    if (s.reason() != null) {
      b.append(" (").append(s.reason()).append(')');
    }
    if (s.message() != null && !s.message().isBlank()) {
      b.append(": ").append(s.message());
    }
    return b.toString();
  }

  private static Instant time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return null;
    }
    return Instant.parse(rfc3339);
  }
}
