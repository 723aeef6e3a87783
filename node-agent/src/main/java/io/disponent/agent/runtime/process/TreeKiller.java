package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.TaskState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops a task's whole tree: its wrapper's session plus its cgroup (which also holds children that called setsid). */
final class TreeKiller {
  private static final Logger LOG = LoggerFactory.getLogger(TreeKiller.class);
  private static final Duration SIGKILL_WAIT = Duration.ofSeconds(5);

  private TreeKiller() {}

  /**
   * SIGTERM to every process of the task's session and cgroup, up to {@code gracePeriod} for the
   * task to end, then SIGKILL; waits until no process of the task is left. Returns the final state.
   * Idempotent: killing an ended task only sweeps what it left behind.
   *
   * @throws IllegalStateException when processes survive SIGKILL (uninterruptible sleep)
   */
  static TaskState kill(ProcessTaskHandle h, Duration gracePeriod) throws InterruptedException {
    LOG.info("runtime: killing {} (grace {})", h, gracePeriod);
    signalTree(h, false, "TERM");
    if (!awaitGone(h, gracePeriod, null)) {
      // SIGKILL the task but not the wrapper, which then records "signal 9"
      if (!awaitGone(h, SIGKILL_WAIT.dividedBy(2), "KILL")) {
        signalTree(h, true, "KILL");
        try {
          h.recordIfMissing("signal 9");
        } catch (IOException e) {
          throw new UncheckedIOException("runtime: cannot record the status of " + h, e);
        }
        awaitGone(h, SIGKILL_WAIT.dividedBy(2), "KILL");
      }
    }
    Set<Long> left = members(h);
    if (!left.isEmpty()) {
      throw new IllegalStateException("runtime: processes " + left + " of " + h.taskId() + " survive SIGKILL");
    }
    TaskState s = h.poll();
    LOG.info("runtime: {} ended: {}", h.taskId(), s);
    return s;
  }

  /** Waits until no process of the task is left, sending {@code signal} (if any) to all but the wrapper meanwhile. */
  private static boolean awaitGone(ProcessTaskHandle h, Duration limit, String signal) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (signal != null) {
        signalTree(h, false, signal);
      }
      if (members(h).isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
  }

  /** The live processes of the task: its session and its cgroup (a task that calls setsid leaves the session). */
  static Set<Long> members(ProcessTaskHandle h) {
    Set<Long> pids = new TreeSet<>();
    if (h.wrapperPid() > 0) {
      pids.addAll(ProcFs.sessionMembers(h.wrapperPid()));
    }
    h.cgroup().ifPresent(cg -> pids.addAll(Cgroups.members(cg)));
    pids.removeIf(pid -> !ProcFs.live(pid));
    if (!h.wrapperAlive()) {
      pids.remove(h.wrapperPid()); // the pid was reused by a process that is not ours
    }
    return pids;
  }

  private static void signalTree(ProcessTaskHandle h, boolean includingWrapper, String signal) {
    for (long pid : members(h)) {
      if (pid == h.wrapperPid() && !includingWrapper) {
        continue;
      }
      ProcessHandle.of(pid).ifPresent(ph -> {
        if ("KILL".equals(signal)) {
          ph.destroyForcibly();
        } else {
          ph.destroy();
        }
      });
    }
  }
}
