package io.disponent.agent.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process runtime's files in a sandbox's {@code .disponent/} folder (root's even when the task
 * runs as another user, so a task cannot forge them), besides {@link Checkpoint#FILE}.
 */
public final class SandboxLayout {
  public static final String STATE_DIR = ".disponent";
  /** The session leader's pid, written by the wrapper itself. */
  static final String WRAPPER_PID = "wrapper.pid";
  /** The task's own pid, written by the wrapper right after {@code fork}. */
  static final String TASK_PID = "task.pid";
  /** {@code exit <code>} or {@code signal <n>}, written by the wrapper when the task ends ({@link ExitRecord}). */
  static final String STATUS = "status";
  /** The memory cgroup counted an OOM kill (kept after the cgroup is gone). */
  static final String OOM_KILLED = "oom_killed";
  /** The agent stopped the task: a signal death is KILLED, not FAILED. */
  static final String KILLED_BY_AGENT = "killed-by-agent";
  /** The agent is done with the task: not adopted again, and collected after the retention. */
  public static final String RELEASED = STATE_DIR + "/released";
  /** When an agent first saw the task ended without a {@link #STATUS} file (its mtime is the finish time). */
  static final String FINISHED_AT = "finished_at";

  private SandboxLayout() {}

  static Path stateDir(Path sandbox) {
    return sandbox.resolve(STATE_DIR);
  }

  /** Creates an empty marker file unless it exists. */
  static void touch(Path p) {
    if (!Files.exists(p)) {
      write(p, "");
    }
  }

  static void write(Path p, String content) {
    try {
      Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException("runtime: cannot write " + p, e);
    }
  }
}
