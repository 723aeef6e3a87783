package io.disponent.agent.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Copy-truncate rotation of a task's {@code stdout} and {@code stderr}: when a file is past
 * {@code maxBytes}, {@code f.(keep-1)} is dropped, {@code f.i} becomes {@code f.(i+1)}, {@code f} is
 * copied to {@code f.1} and truncated to 0. The task keeps its descriptor (opened with
 * {@code O_APPEND}, so its next write lands at the new end), which is why rotation works while the
 * task runs and while no agent runs (the agent catches up when it returns). Bytes written between
 * the copy and the truncation are lost: at most what the task writes in that moment.
 *
 * <p>The agent calls {@link #rotate} for each running task every few seconds. Not thread-safe per
 * sandbox: one caller at a time.
 */
public final class LogRotator {
  private final long maxBytes;
  private final int files;

  /** {@code files} counts the live file too: 3 keeps {@code f}, {@code f.1} and {@code f.2}. */
  public LogRotator(long maxBytes, int files) {
    if (maxBytes <= 0 || files < 2) {
      throw new IllegalArgumentException("logs: need maxBytes > 0 and files >= 2");
    }
    this.maxBytes = maxBytes;
    this.files = files;
  }

  /** 10 MiB per file, 3 files. */
  public static LogRotator defaults() {
    return new LogRotator(10L << 20, 3);
  }

  /** Rotates the sandbox's stdout and stderr that are past the limit; true when one was rotated. */
  public boolean rotate(Path sandbox) throws IOException {
    return rotate(LogFiles.inSandbox(sandbox));
  }

  /** Rotates those of the files that are past the limit; true when one was rotated. */
  public boolean rotate(LogFiles files) throws IOException {
    boolean rotated = false;
    for (LogStream s : LogStream.values()) {
      rotated |= rotateFile(files.of(s));
    }
    return rotated;
  }

  boolean rotateFile(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) <= maxBytes) {
      return false;
    }
    Files.deleteIfExists(rotated(file, files - 1));
    for (int i = files - 2; i >= 1; i--) {
      if (Files.exists(rotated(file, i))) {
        Files.move(rotated(file, i), rotated(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(file, rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(0);
    }
    return true;
  }

  static Path rotated(Path file, int i) {
    return file.resolveSibling(file.getFileName() + "." + i);
  }
}
