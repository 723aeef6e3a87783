package io.disponent.agent.runtime;

/** What a {@link TaskRuntime} sees of a task ({@link TaskRuntime#status}). */
public sealed interface TaskState {
  /** Whether the process has ended (every case but {@link Running}). */
  default boolean terminal() {
    return !(this instanceof Running);
  }

  /**
   * The task runs. {@code wrapperPid}: the runtime's process that supervises it (the process
   * runtime's wrapper, the session leader); {@code taskPid}: the task's own process, 0 until the
   * runtime knows it.
   */
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
