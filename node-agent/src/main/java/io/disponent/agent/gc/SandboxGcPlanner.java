package io.disponent.agent.gc;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which sandboxes the {@link SandboxCollector} removes. Pure.
 *
 * <pre>
 * released marker   supervised   a process alive   released for      action
 * none              any          any               -                keep (the task may still be ours)
 * yes               yes          any               any              keep (the agent still has it)
 * yes               no           yes               any              keep (never pull a sandbox from under a process)
 * yes               no           no                &lt; retention      keep (logs stay readable a while)
 * yes               no           no                &gt;= retention     remove
 * </pre>
 */
public final class SandboxGcPlanner {
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  private SandboxGcPlanner() {}

  /**
   * A sandbox on disk.
   *
   * @param releasedAt when the agent was done with its task (the {@code released} marker's mtime),
   *     null without the marker
   * @param supervised the agent's task loop still has (or is launching, killing) this task
   * @param alive a process of the task (its session or cgroup) still runs
   */
  public record Sandbox(Path dir, Instant releasedAt, boolean supervised, boolean alive) {}

  public static List<Path> toRemove(Collection<Sandbox> sandboxes, Instant now, Duration retention) {
    return sandboxes.stream()
        .filter(s -> s.releasedAt() != null && !s.supervised() && !s.alive())
        .filter(s -> Duration.between(s.releasedAt(), now).compareTo(retention) >= 0)
        .map(Sandbox::dir)
        .toList();
  }

  /** How often the collector looks: a tenth of the retention, from 1 s to 1 min. */
  public static Duration interval(Duration retention) {
    Duration d = retention.dividedBy(10);
    return d.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : d.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : d;
  }
}
