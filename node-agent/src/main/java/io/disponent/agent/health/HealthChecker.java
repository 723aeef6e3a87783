package io.disponent.agent.health;

import io.disponent.agent.runtime.TaskId;
import io.disponent.client.runtime.DaemonThreads;
import io.disponent.crds.model.HealthCheck;
import io.disponent.crds.model.ReadinessCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health and readiness checks of every watched task. One scheduler thread starts checks
 * every {@code intervalSeconds} (the first at once); the probes themselves run on a separate pool
 * so a slow check never delays another one; a check whose previous probe is still running skips
 * its turn. Each probe result goes through {@link Verdict#next}; the listener hears of changes
 * only. Thread-safe.
 */
public final class HealthChecker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

  private final ScheduledExecutorService scheduler;
  private final ExecutorService probePool;
  private final Clock clock;
  private final HealthListener listener;
  private final Probes probes = new Probes();
  /** The scheduled checks of each watched task. */
  private final Map<TaskId, List<Watched>> watched = new ConcurrentHashMap<>();

  public HealthChecker(Clock clock, HealthListener listener) {
    this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("health-scheduler"));
    this.probePool = Executors.newCachedThreadPool(DaemonThreads.named("health-probe"));
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Starts checking a task that started at {@code taskStarted} (grace periods count from there).
   * Watching a task again replaces its checks.
   */
  public void watch(HealthTarget target, List<HealthCheck> healthChecks, List<ReadinessCheck> readinessChecks, Instant taskStarted) {
    unwatch(target.taskId());
    List<Watched> list = new ArrayList<>();
    if (healthChecks != null) {
      for (int i = 0; i < healthChecks.size(); i++) {
        list.add(new Watched(target, CheckSpec.of(i, healthChecks.get(i)), taskStarted));
      }
    }
    if (readinessChecks != null) {
      for (int i = 0; i < readinessChecks.size(); i++) {
        list.add(new Watched(target, CheckSpec.of(i, readinessChecks.get(i)), taskStarted));
      }
    }
    watched.put(target.taskId(), list);
    list.forEach(Watched::start);
  }

  /** Stops the task's checks; idempotent. */
  public void unwatch(TaskId id) {
    List<Watched> old = watched.remove(id);
    if (old != null) {
      old.forEach(Watched::stop);
    }
  }

  /** The current verdict of each check of the task (liveness first), empty when not watched. */
  public List<Verdict> verdicts(TaskId id) {
    return watched.getOrDefault(id, List.of()).stream().map(w -> w.verdict).toList();
  }

  @Override
  public void close() {
    List.copyOf(watched.keySet()).forEach(this::unwatch);
    scheduler.shutdownNow();
    probePool.shutdownNow();
  }

  private final class Watched {
    private final HealthTarget target;
    private final CheckSpec check;
    private final Instant taskStarted;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile Verdict verdict = Verdict.initial();
    private ScheduledFuture<?> timer;

    Watched(HealthTarget target, CheckSpec check, Instant taskStarted) {
      this.target = target;
      this.check = check;
      this.taskStarted = taskStarted;
    }

    synchronized void start() {
      timer = scheduler.scheduleAtFixedRate(this::tick, 0, check.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
      stopped = true;
      if (timer != null) {
        timer.cancel(false);
      }
    }

    private void tick() {
      if (stopped || !inFlight.compareAndSet(false, true)) {
        return;
      }
      try {
        probePool.execute(this::runProbe);
      } catch (RuntimeException e) {
        inFlight.set(false);
      }
    }

    private void runProbe() {
      try {
        ProbeResult r = probes.probe(check, target);
        if (stopped) {
          return;
        }
        Verdict before = verdict;
        Verdict after = before.next(r, check, taskStarted, clock.instant());
        verdict = after;
        if (after.health() != before.health()) {
          LOG.info("health: {} {} check {}: {} ({})", target.taskId(), check.kind(), check.index(), after.health(), after.message());
          listener.onChange(new HealthEvent(target.taskId(), check.kind(), check.index(),
              after.health() == Verdict.Health.HEALTHY, after.message(), after.consecutiveFailures(), clock.instant()));
        }
      } catch (RuntimeException e) {
        LOG.warn("health: check {} of {} failed to run", check.index(), target.taskId(), e);
      } finally {
        inFlight.set(false);
      }
    }
  }
}
