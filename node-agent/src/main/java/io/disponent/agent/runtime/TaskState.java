package io.disponent.agent.runtime;

/** What {@link TaskHandle#poll()} sees of a task's process. */
public sealed interface TaskState {
  /** Whether the process has ended (every case but {@link Running}). */
  default boolean terminal() {
    return !(this instanceof Running);
  }

  /** The wrapper (process group and session leader) is alive; {@code taskPid} is the task's own process. */
  record Running(long wrapperPid, long taskPid) implements TaskState {}

  /** The task called exit with this code. */
  record Exited(int code) implements TaskState {}

  /** The task was ended by this signal (9 for SIGKILL, 15 for SIGTERM). */
  record Killed(int signal) implements TaskState {}

  /** The kernel's OOM killer ended the task because it went past its cgroup memory limit. */
  record OOMKilled(long memoryLimitBytes) implements TaskState {}

  /**
   * The wrapper is gone without recording a status (it was killed with SIGKILL itself, the
   * machine rebooted, or its pid now belongs to another process).
   */
  record Lost(String reason) implements TaskState {}
}
