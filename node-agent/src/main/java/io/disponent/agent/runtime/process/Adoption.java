package io.disponent.agent.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the tasks of earlier agents again: from each sandbox's {@link Checkpoint}. */
final class Adoption {
  private Adoption() {}

  /** The sandboxes under {@code root} that have a checkpoint. */
  static List<Path> checkpointed(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.find(root, 5, (p, a) -> p.getFileName().toString().equals(Checkpoint.FILE))) {
      return s.map(p -> p.getParent().getParent()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("runtime: cannot scan " + root, e);
    }
  }

  /** A handle for the task checkpointed in {@code sandbox}; empty when there is no checkpoint. */
  static Optional<ProcessTaskHandle> handleOf(Path sandbox) {
    Path state = SandboxLayout.stateDir(sandbox);
    if (!Files.exists(state.resolve(Checkpoint.FILE))) {
      return Optional.empty();
    }
    try {
      Checkpoint c = Checkpoint.read(state);
      long pid = c.wrapperPid();
      long startTime = c.wrapperStartTime();
      if (pid == 0 && Files.exists(state.resolve(SandboxLayout.WRAPPER_PID))) {
        // the agent died between spawning the wrapper and checkpointing its pid
        pid = Long.parseLong(Files.readString(state.resolve(SandboxLayout.WRAPPER_PID)).trim());
        startTime = ProcFs.startTime(pid).orElse(-1);
      }
      return Optional.of(new ProcessTaskHandle(c.launch(), sandbox.toAbsolutePath(), pid, startTime, c.cgroup(),
          c.runAs(), Instant.parse(c.launchedAt()).truncatedTo(ChronoUnit.SECONDS)));
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException("runtime: cannot read the checkpoint in " + sandbox,
          e instanceof IOException io ? io : new IOException(e));
    }
  }
}
