package io.disponent.agent.logs;

import java.nio.file.Path;

/** Where a task's output streams are written: files the log server reads and {@link LogRotator} rotates. */
public record LogFiles(Path stdout, Path stderr) {
  /** {@code stdout} and {@code stderr} in the sandbox. */
  public static LogFiles inSandbox(Path sandbox) {
    return new LogFiles(sandbox.resolve(LogStream.STDOUT.fileName()), sandbox.resolve(LogStream.STDERR.fileName()));
  }

  public Path of(LogStream stream) {
    return stream == LogStream.STDOUT ? stdout : stderr;
  }
}
