package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends the agent's part in a task: the final status, the finalizer off, the sandbox released to the collector. */
final class Releaser<H extends TaskHandle> {
  private static final Logger LOG = LoggerFactory.getLogger(Releaser.class);
  private final TaskRuntime<H> runtime;
  private final LocalTasks<H> locals;
  private final TaskWrites writes;
  private final StatusReporter<H> reporter;
  private final TaskHealth<H> health;

  Releaser(TaskRuntime<H> runtime, LocalTasks<H> locals, TaskWrites writes, StatusReporter<H> reporter,
      TaskHealth<H> health) {
    this.runtime = runtime;
    this.locals = locals;
    this.writes = writes;
    this.reporter = reporter;
    this.health = health;
  }

  /** Reports the final state (if the agent has the task), removes the finalizer, and is done with the task. */
  void release(String uid, JsonNode task) {
    SupervisedTask<H> l = locals.get(uid);
    if (l != null && task != null) {
      l.last = runtime.status(l.handle);
      reporter.report(l, task);
    }
    if (task != null) {
      writes.removeFinalizer(task);
    }
    if (l == null && task != null) {
      runtime.release(TaskJson.id(task)); // a launch that failed before the process ran may have left a sandbox behind
    }
    forget(uid);
  }

  /** Done with the task: no more checks, and its sandbox is released (not adopted again, collected later). */
  void forget(String uid) {
    SupervisedTask<H> l = locals.remove(uid);
    if (l != null) {
      health.unwatch(l.id());
      runtime.release(l.id());
      LOG.info("tasks: done with {}", l.id());
    }
  }
}
