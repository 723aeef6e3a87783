package io.disponent.agent.tasks;

import io.disponent.agent.health.HealthChecker;
import io.disponent.agent.health.HealthListener;
import io.disponent.agent.health.HealthTarget;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskRuntime;
import io.disponent.crds.model.TaskSpec;
import java.time.Clock;
import java.time.Instant;

/** The health and readiness checks of the agent's tasks; COMMAND checks run through the runtime's {@code exec}. */
final class TaskHealth<H extends TaskHandle> implements AutoCloseable {
  /** Where HTTP and TCP checks connect: tasks listen on the node's host ports. */
  private static final String CHECK_HOST = "127.0.0.1";
  private final TaskRuntime<H> runtime;
  private final HealthChecker checker;

  TaskHealth(TaskRuntime<H> runtime, Clock clock, HealthListener listener) {
    this.runtime = runtime;
    this.checker = new HealthChecker(clock, listener);
  }

  /** Starts the task's checks, their grace periods counting from {@code started}; nothing for a task without checks. */
  void watch(SupervisedTask<H> task, Instant started) {
    TaskSpec spec = task.spec();
    boolean none = (spec.healthChecks() == null || spec.healthChecks().isEmpty())
        && (spec.readinessChecks() == null || spec.readinessChecks().isEmpty());
    if (none) {
      return;
    }
    H handle = task.handle;
    checker.watch(new HealthTarget(task.id(), CHECK_HOST, task.hostPorts(),
        (argv, timeout) -> runtime.exec(handle, argv, timeout)), spec.healthChecks(), spec.readinessChecks(), started);
  }

  void unwatch(TaskId id) {
    checker.unwatch(id);
  }

  /** The verdicts of a running task's checks. */
  HealthVerdicts verdicts(SupervisedTask<H> task) {
    int healthChecks = task.spec().healthChecks() == null ? 0 : task.spec().healthChecks().size();
    return HealthVerdicts.split(checker.verdicts(task.id()), healthChecks);
  }

  @Override
  public void close() {
    checker.close();
  }
}
