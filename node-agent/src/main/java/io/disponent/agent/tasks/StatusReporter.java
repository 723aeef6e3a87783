package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskRuntime;
import io.disponent.agent.runtime.TaskState;
import io.disponent.client.ApiException;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.crds.model.TaskStatus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a task's state into its Task: {@link TaskStatusBuilder} makes the status, a merge patch
 * is sent only when a field the agent owns differs, then the {@link ReportEvents} of the change.
 */
final class StatusReporter<H extends TaskHandle> {
  private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);
  private final TaskRuntime<H> runtime;
  private final TaskHealth<H> health;
  private final TaskWrites writes;
  private final EventRecorder events;
  private final String nodeName;
  private final Clock clock;

  StatusReporter(TaskRuntime<H> runtime, TaskHealth<H> health, TaskWrites writes, EventRecorder events, String nodeName,
      Clock clock) {
    this.runtime = runtime;
    this.health = health;
    this.writes = writes;
    this.events = events;
    this.nodeName = nodeName;
    this.clock = clock;
  }

  /** Reports what the runtime said last (or says now, before the first look). */
  void report(SupervisedTask<H> l, JsonNode task) {
    if (l == null) {
      return;
    }
    TaskState s = l.last == null ? runtime.status(l.handle) : l.last;
    JsonNode current = task.path("status");
    HealthVerdicts verdicts = s.terminal() ? HealthVerdicts.NONE : health.verdicts(l);
    TaskStatus desired = TaskStatusBuilder.build(new TaskStatusBuilder.Input(s, runtime.killedByAgent(l.handle),
        l.killing, TaskJson.generation(task), l.hostPorts(), l.startedAt(),
        s.terminal() ? TaskJson.ts(runtime.finishedAt(l.handle)) : null, verdicts.liveness(), verdicts.readiness(),
        current), clock.instant());
    if (TaskStatusBuilder.diff(desired, current) == null) {
      return;
    }
    writes.patchStatus(task, desired);
    for (ReportEvents.Event e : ReportEvents.of(current, desired, nodeName)) {
      events.record(task, e.type(), e.reason(), e.message());
    }
  }

  /** {@link #report}, an API failure only logged (the next pass reports again). */
  void tryReport(SupervisedTask<H> l, JsonNode task) {
    try {
      report(l, task);
    } catch (ApiException e) {
      LOG.info("tasks: cannot report {} yet ({})", l.id(), e.getMessage());
    }
  }

  /** The Task says it was launched, but this agent has no sandbox for it. */
  void markLost(JsonNode task) {
    writes.patchStatus(task, TaskStatusBuilder.lost(TaskJson.generation(task), nodeName, clock.instant()));
  }
}
