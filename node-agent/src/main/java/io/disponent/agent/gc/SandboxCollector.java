package io.disponent.agent.gc;

import io.disponent.agent.runtime.process.ProcessRuntime;
import io.disponent.agent.runtime.process.SandboxLayout;
import io.disponent.client.runtime.DaemonThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the sandboxes the agent is done with ({@code .disponent/released}) once they have been
 * released for {@code retention}, at start and then every {@link SandboxGcPlanner#interval}; the
 * decision is {@link SandboxGcPlanner}'s, the removal (sandbox, cgroup, empty parent folders)
 * {@link ProcessRuntime#remove}'s. A failed removal is logged and tried again next time.
 */
public final class SandboxCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxCollector.class);
  static final String RELEASED = SandboxLayout.RELEASED;

  private final ProcessRuntime runtime;
  private final Path sandboxRoot;
  private final Duration retention;
  private final Supplier<Set<String>> supervised;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("sandbox-collector"));

  /** @param supervised the uids of the tasks the agent still has (their sandboxes are never touched) */
  public SandboxCollector(ProcessRuntime runtime, Path sandboxRoot, Duration retention, Supplier<Set<String>> supervised,
      Clock clock) {
    this.runtime = runtime;
    this.sandboxRoot = sandboxRoot;
    this.retention = retention;
    this.supervised = supervised;
    this.clock = clock;
  }

  public SandboxCollector start() {
    long every = SandboxGcPlanner.interval(retention).toMillis();
    timer.scheduleWithFixedDelay(this::collectQuietly, 0, every, TimeUnit.MILLISECONDS);
    LOG.info("sandbox collector: released sandboxes under {} are removed after {}", sandboxRoot, retention);
    return this;
  }

  private void collectQuietly() {
    try {
      collect();
    } catch (RuntimeException e) {
      LOG.warn("sandbox collector: a pass failed", e);
    }
  }

  /** One pass; returns the sandboxes it removed. */
  public List<Path> collect() {
    Set<String> inUse = supervised.get();
    List<SandboxGcPlanner.Sandbox> found = new ArrayList<>();
    for (Path dir : sandboxes()) {
      Path marker = dir.resolve(RELEASED);
      try {
        if (!Files.exists(marker)) {
          found.add(new SandboxGcPlanner.Sandbox(dir, null, false, false));
          continue;
        }
        boolean ours = inUse.contains(dir.getFileName().toString());
        found.add(new SandboxGcPlanner.Sandbox(dir, Files.getLastModifiedTime(marker).toInstant(), ours,
            !ours && runtime.hasProcesses(dir)));
      } catch (IOException | RuntimeException e) {
        LOG.debug("sandbox collector: skipping {}: {}", dir, e.toString());
      }
    }
    List<Path> removed = new ArrayList<>();
    for (Path dir : SandboxGcPlanner.toRemove(found, clock.instant(), retention)) {
      try {
        runtime.remove(dir);
        removed.add(dir);
      } catch (IOException | RuntimeException e) {
        LOG.warn("sandbox collector: cannot remove {} yet: {}", dir, e.toString());
      }
    }
    return removed;
  }

  /** The {@code <namespace>/<name>/<uid>} folders under the sandbox root. */
  private List<Path> sandboxes() {
    if (!Files.isDirectory(sandboxRoot)) {
      return List.of();
    }
    try (Stream<Path> s = Files.find(sandboxRoot, 3, (p, a) -> a.isDirectory()
        && sandboxRoot.relativize(p).getNameCount() == 3)) {
      return s.toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("sandbox collector: cannot scan {}: {}", sandboxRoot, e.toString());
      return List.of();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
