package io.disponent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real {@code disponent agent} JVM, started with the same java command line as
 * {@link DisponentProcess} (this checkout's classes). Stopped by its own handle: {@link #stop()}
 * is SIGTERM (tasks survive by design), {@link #kill()} is SIGKILL ({@code destroyForcibly}).
 * {@link #restart()} starts a new JVM with the same arguments (same data dir: it adopts its tasks).
 */
final class AgentProcess implements AutoCloseable {

  private final String name;
  private final Path dataDir;
  private final List<String> command;
  private Process process;
  private Path log;

  private AgentProcess(String name, Path dataDir, List<String> command) {
    this.name = name;
    this.dataDir = dataDir;
    this.command = command;
  }

  /** {@code disponent agent --server URL --name NAME --data-dir DIR} plus {@code extraArgs}. */
  static AgentProcess start(String serverUrl, String name, Path dataDir, List<String> extraArgs) {
    return start(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), serverUrl, name, dataDir,
        extraArgs);
  }

  /** The same in a JVM with the given options. */
  static AgentProcess start(List<String> jvmOptions, String serverUrl, String name, Path dataDir,
      List<String> extraArgs) {
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", DisponentProcess.classpath(DisponentProcess.root()), "io.disponent.cli.Main", "agent",
          "--server", serverUrl, "--name", name, "--data-dir", dataDir.toString()));
      command.addAll(extraArgs);
      Files.createDirectories(dataDir);
      AgentProcess a = new AgentProcess(name, dataDir, List.copyOf(command));
      a.launch();
      return a;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    try {
      log = dataDir.resolveSibling(dataDir.getFileName() + "-" + Instant.now().toEpochMilli() + ".log");
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  Path dataDir() {
    return dataDir;
  }

  Process process() {
    return process;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGTERM by handle; SIGKILL only when it hangs. */
  int stop() {
    if (process == null || !process.isAlive()) {
      return process == null ? 0 : process.exitValue();
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("agent " + name + " ignored SIGTERM for 30 s; killed:\n" + logTail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL of the agent's JVM (only that process: its tasks live in their own sessions). */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A new JVM with the same command line (after {@link #stop()} or {@link #kill()}). */
  void restart() {
    if (alive()) {
      throw new IllegalStateException("agent " + name + " still runs");
    }
    launch();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  String logTail() {
    String all = log();
    return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
  }

  @Override
  public void close() {
    stop();
  }
}
