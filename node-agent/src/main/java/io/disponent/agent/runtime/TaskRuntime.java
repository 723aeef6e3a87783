package io.disponent.agent.runtime;

import io.disponent.agent.logs.LogFiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the agent runs tasks: the seam between the task loop (which decides) and a way of running
 * them, today host processes ({@code process.ProcessRuntime}). A task runtime keeps what it needs
 * to find its tasks again on disk, so that tasks outlive the agent and a later agent
 * {@link #adoptAll adopts} them. Implementations are thread-safe; {@code prepare},
 * {@code launch} and {@code stop} block.
 *
 * @param <H> the runtime's own handle type
 */
public interface TaskRuntime<H extends TaskHandle> {
  /** Whether the tasks get their resource limits enforced, and why not. */
  LimitsSupport limits();

  /** The first half of a launch: the sandbox and all the task needs in it. May take long (fetching). */
  Prepared prepare(LaunchSpec launch) throws TaskLaunchException;

  /** The second half: starts a prepared task and returns once the runtime knows it runs (or has ended). */
  H launch(Prepared prepared) throws TaskLaunchException;

  default H launch(LaunchSpec launch) throws TaskLaunchException {
    return launch(prepare(launch));
  }

  /**
   * A handle for every task an earlier agent left on this node, whether it still runs or ended
   * while no agent watched (its {@link #status} tells); released ones included.
   */
  List<H> adoptAll();

  /**
   * The task's state now. {@link TaskState.Running} carries the task's own pid once the runtime
   * knows it (0 before). Never blocks for long.
   */
  TaskState status(H task);

  /** When the ended task ended, as the runtime recorded it (right even if no agent watched then). */
  Instant finishedAt(H task);

  /**
   * Stops the task and everything it started: a polite signal, up to {@code gracePeriod}, then a
   * hard kill. Returns the final state. Idempotent.
   *
   * @throws IllegalStateException when the task's processes cannot be stopped
   */
  TaskState stop(H task, Duration gracePeriod) throws InterruptedException;

  /** The task's output. */
  LogFiles logs(H task);

  /** The output of the newest task {@code namespace/name} left on this node without a handle (ended, released). */
  Optional<LogFiles> logsLeft(String namespace, String name);

  /**
   * Runs {@code argv} where the task runs (its working directory, environment and user; in a
   * container runtime: inside the container), killed after {@code timeout}: what COMMAND health
   * checks do.
   */
  ExecResult exec(H task, List<String> argv, Duration timeout) throws IOException, InterruptedException;

  /** Records, with the task, that the agent is stopping it: a signal death is then KILLED, not FAILED, after a restart too. */
  void markKilledByAgent(H task);

  boolean killedByAgent(H task);

  /**
   * Records that the agent is done with task {@code id} (its Task is gone): a later agent does not
   * take it up again and its sandbox may be collected. Harmless when the task has no sandbox.
   */
  void release(TaskId id);

  boolean released(H task);
}
