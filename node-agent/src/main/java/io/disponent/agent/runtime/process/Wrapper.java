package io.disponent.agent.runtime.process;

import io.disponent.agent.logs.LogFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a task as {@code setsid perl -e <wrapper.pl> <stateDir> <cgroup.procs files> -- argv}: the
 * wrapper leads a new session, joins the task's cgroups, forks the task with {@code stdout} and
 * {@code stderr} appended to the sandbox's files, and records how it ended.
 */
final class Wrapper {
  private static final String SCRIPT = PerlScripts.load("wrapper.pl");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private Wrapper() {}

  /** A running wrapper: its pid, and the process the agent started (the {@code setsid}). */
  record Spawned(Path state, Process process, long pid) {
    /** See {@link Wrapper#awaitTaskPid}. */
    void awaitTaskPid() {
      Wrapper.awaitTaskPid(state, process);
    }
  }

  /** Spawns the wrapper and returns once it has written its pid. */
  static Spawned spawn(Path sandbox, Map<String, String> env, List<String> procsFiles, List<String> argv) throws IOException {
    Path state = SandboxLayout.stateDir(sandbox);
    List<String> cmd = new ArrayList<>(List.of("setsid", "perl", "-e", SCRIPT, state.toString()));
    cmd.addAll(procsFiles);
    cmd.add("--");
    cmd.addAll(argv);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(sandbox.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(LogFiles.inSandbox(sandbox).stdout().toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(LogFiles.inSandbox(sandbox).stderr().toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    return new Spawned(state, p, awaitWrapperPid(state, p));
  }

  private static long awaitWrapperPid(Path state, Process p) throws IOException {
    Path pidFile = state.resolve(SandboxLayout.WRAPPER_PID);
    Path status = state.resolve(SandboxLayout.STATUS);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(pidFile)) {
        return Long.parseLong(Files.readString(pidFile).trim());
      }
      if (Files.exists(status) || !p.isAlive()) {
        if (Files.exists(pidFile)) {
          continue;
        }
        throw new IOException("the wrapper ended before it started the task (exit " + p.exitValue()
            + "); see " + state.getParent().resolve("stderr"));
      }
      pause(5);
    }
    p.destroyForcibly();
    throw new IOException("the wrapper did not start in " + START_TIMEOUT);
  }

  /**
   * Waits until the wrapper has forked the task and recorded its pid (or the task already ended),
   * so that the first status a launch reports names the task's own pid, never the wrapper's. The
   * wrapper writes {@code task.pid} right after {@code fork}: this is a millisecond, not a wait
   * for the task to start working.
   */
  private static void awaitTaskPid(Path state, Process p) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && !Files.exists(state.resolve(SandboxLayout.TASK_PID))
        && !Files.exists(state.resolve(SandboxLayout.STATUS)) && p.isAlive()) {
      pause(1);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("runtime: interrupted", e);
    }
  }
}
