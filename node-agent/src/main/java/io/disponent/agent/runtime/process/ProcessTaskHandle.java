package io.disponent.agent.runtime.process;

import io.disponent.agent.logs.LogFiles;
import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskState;
import io.disponent.agent.runtime.UnixUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A task of the {@link ProcessRuntime}, launched or re-adopted. Its state lives in files and
 * {@code /proc}, not in this object: any number of handles (from {@link ProcessRuntime#launch} or
 * {@link ProcessRuntime#adopt}, in this agent or a later one) see the same task. Thread-safe.
 */
public final class ProcessTaskHandle implements TaskHandle {
  private final LaunchSpec launch;
  private final TaskId taskId;
  private final Path sandbox;
  private final long wrapperPid;
  private final long wrapperStartTime;
  private final TaskCgroup cgroup;
  private final UnixUser user;
  private final Instant launchedAt;

  ProcessTaskHandle(LaunchSpec launch, Path sandbox, long wrapperPid, long wrapperStartTime, TaskCgroup cgroup,
      UnixUser user, Instant launchedAt) {
    this.launch = launch;
    this.launchedAt = launchedAt;
    this.taskId = launch.taskId();
    this.sandbox = sandbox;
    this.wrapperPid = wrapperPid;
    this.wrapperStartTime = wrapperStartTime;
    this.cgroup = cgroup;
    this.user = user;
  }

  @Override
  public TaskId taskId() {
    return taskId;
  }

  @Override
  public LaunchSpec launch() {
    return launch;
  }

  @Override
  public Path sandbox() {
    return sandbox;
  }

  @Override
  public Instant launchedAt() {
    return launchedAt;
  }

  /** The wrapper's pid: the task's session id and process group id. */
  public long wrapperPid() {
    return wrapperPid;
  }

  /** The task's own process (the wrapper's child), once the wrapper has recorded it. */
  public OptionalLong taskPid() {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(stateDir().resolve(SandboxLayout.TASK_PID)).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The task's cgroup, when limits are enforced. */
  public Optional<TaskCgroup> cgroup() {
    return Optional.ofNullable(cgroup);
  }

  /** The account the task runs as; empty when it runs as the agent does. */
  public Optional<UnixUser> user() {
    return Optional.ofNullable(user);
  }

  /** {@code stdout} and {@code stderr} in the sandbox, opened in append mode by the wrapper. */
  public LogFiles logs() {
    return LogFiles.inSandbox(sandbox);
  }

  public Path stdout() {
    return logs().stdout();
  }

  public Path stderr() {
    return logs().stderr();
  }

  Path stateDir() {
    return SandboxLayout.stateDir(sandbox);
  }

  boolean wrapperAlive() {
    return wrapperPid > 0 && ProcFs.alive(wrapperPid, wrapperStartTime);
  }

  /**
   * The task's state now: {@link TaskState.Running} while the wrapper lives, else what the wrapper
   * recorded (an exit with OOM kills counted in the task's memory cgroup is
   * {@link TaskState.OOMKilled}). When the task has ended and its cgroup is empty, the cgroup is
   * removed. Never blocks.
   */
  public TaskState poll() {
    Optional<TaskState> recorded = recorded();
    if (recorded.isEmpty() && wrapperAlive()) {
      return new TaskState.Running(wrapperPid, taskPid().orElse(0));
    }
    if (recorded.isEmpty()) {
      recorded = recorded(); // the wrapper may have written its status and exited since the first look
    }
    TaskState state = recorded.orElseGet(() -> new TaskState.Lost("the wrapper (pid " + wrapperPid + ") is gone without recording a status"));
    if (cgroup != null && !(state instanceof TaskState.Exited e && e.code() == 0)) {
      // the counter goes with the cgroup, so a seen OOM kill is kept in a marker file
      Path marker = stateDir().resolve(SandboxLayout.OOM_KILLED);
      if (Files.exists(marker) || markOomKilled(marker)) {
        state = new TaskState.OOMKilled(cgroup.memoryLimitBytes());
      }
    }
    if (cgroup != null && Cgroups.members(cgroup).isEmpty()) {
      Cgroups.remove(cgroup);
    }
    return state;
  }

  private boolean markOomKilled(Path marker) {
    if (Cgroups.oomKills(cgroup) == 0) {
      return false;
    }
    SandboxLayout.write(marker, "oom_kill\n");
    return true;
  }

  private Optional<TaskState> recorded() {
    try {
      return ExitRecord.parse(Files.readString(stateDir().resolve(SandboxLayout.STATUS)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void recordIfMissing(String line) throws IOException {
    Path status = stateDir().resolve(SandboxLayout.STATUS);
    if (!Files.exists(status)) {
      Files.writeString(status, line + "\n");
    }
  }

  @Override
  public String toString() {
    return "ProcessTaskHandle[" + taskId + ", wrapper pid " + wrapperPid + ", " + sandbox + "]";
  }
}
