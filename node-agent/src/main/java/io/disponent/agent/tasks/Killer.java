package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskRuntime;
import io.disponent.agent.runtime.TaskState;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Informer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a task whose Task is being deleted (or is gone: an orphan): marks it killed by the agent,
 * KILLING and the Killing Event, the runtime's stop with the grace period, then the release.
 * Runs on the worker pool: it blocks for the grace period.
 */
final class Killer<H extends TaskHandle> {
  private static final Logger LOG = LoggerFactory.getLogger(Killer.class);
  private static final int DEFAULT_GRACE_SECONDS = 3;
  private final TaskRuntime<H> runtime;
  private final LocalTasks<H> locals;
  private final StatusReporter<H> reporter;
  private final Releaser<H> releaser;
  private final TaskHealth<H> health;
  private final EventRecorder events;
  private final Informer<JsonNode> informer;

  Killer(TaskRuntime<H> runtime, LocalTasks<H> locals, StatusReporter<H> reporter, Releaser<H> releaser,
      TaskHealth<H> health, EventRecorder events, Informer<JsonNode> informer) {
    this.runtime = runtime;
    this.locals = locals;
    this.reporter = reporter;
    this.releaser = releaser;
    this.health = health;
    this.events = events;
    this.informer = informer;
  }

  /** @param task the Task, or null when it is gone from the API; {@code deleted}: it has a deletionTimestamp */
  void kill(SupervisedTask<H> l, JsonNode task, boolean deleted) throws InterruptedException {
    if (l == null) {
      return;
    }
    TaskId id = l.id();
    int grace = l.spec().killGracePeriodSeconds() == null ? DEFAULT_GRACE_SECONDS : l.spec().killGracePeriodSeconds();
    if (!runtime.status(l.handle).terminal()) {
      runtime.markKilledByAgent(l.handle);
      l.killing = true;
      String why = deleted ? "the task was deleted" : "the task no longer exists in the API";
      if (task != null) {
        events.normal(task, "Killing", "stopping the task (" + why + ") with a grace period of " + grace + "s");
        reporter.tryReport(l, task);
      }
    }
    health.unwatch(id);
    TaskState end = runtime.stop(l.handle, Duration.ofSeconds(grace));
    l.last = end;
    l.killing = false;
    if (task == null) {
      runtime.release(id);
      locals.remove(id.uid());
      LOG.info("tasks: killed orphan {}: {}", id, end);
      return;
    }
    JsonNode now = informer.getJson(id.namespace(), id.name()).filter(t -> TaskJson.uid(t).equals(id.uid())).orElse(task);
    releaser.release(id.uid(), now);
  }
}
