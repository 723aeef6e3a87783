package io.disponent.agent.runtime;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A launched or adopted task as its {@link TaskRuntime} hands it out. Each runtime has a handle
 * type of its own holding what it needs to find the task again (a wrapper pid and cgroup, a
 * container id); the agent's task loop sees only this.
 */
public interface TaskHandle {
  TaskId taskId();

  /** What the task was launched with; an adopted task has it from the runtime's checkpoint. */
  LaunchSpec launch();

  /** The task's folder on this node: its working directory, with its fetched artifacts. */
  Path sandbox();

  /**
   * When the task was launched, in whole seconds, as checkpointed: the launching agent and every
   * agent that adopts the task later report the same {@code startedAt}.
   */
  Instant launchedAt();
}
