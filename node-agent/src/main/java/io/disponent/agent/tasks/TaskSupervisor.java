package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.health.CheckSpec;
import io.disponent.agent.health.HealthEvent;
import io.disponent.agent.logs.LogRotator;
import io.disponent.agent.logs.LogSource;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskRuntime;
import io.disponent.agent.runtime.TaskState;
import io.disponent.client.ApiClient;
import io.disponent.client.Gvr;
import io.disponent.client.runtime.Backoff;
import io.disponent.client.runtime.DaemonThreads;
import io.disponent.client.runtime.EventHandler;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Informer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a reconciler of the Tasks bound to its node. A pass (every second, and soon after
 * the informer or a health check reports a change) looks at the local tasks through the
 * {@link TaskRuntime}, hands the Tasks and the local tasks to {@link TaskPlanner}, and gives each
 * action to the {@link TaskReconciler}. API failures are logged and retried by the next pass; they
 * never touch a task. Knows nothing of how tasks run: that is the runtime's.
 *
 * @param <H> the runtime's handle type
 */
public final class TaskSupervisor<H extends TaskHandle> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskSupervisor.class);
  /** Logs are checked for rotation every this many full polls. */
  private static final int ROTATE_EVERY_PASSES = 10;
  private static final long WAKE_DELAY_MS = 10;
  /**
   * Every task is polled (a few /proc and cgroup reads each, for processes) at most this often, not
   * on each pass: with N tasks and passes driven by their events, polling on every pass cost O(N²).
   */
  private static final long POLL_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final TaskRuntime<H> runtime;
  private final EventRecorder events;
  private final LogRotator rotator = LogRotator.defaults();
  private final Informer<JsonNode> informer;
  private final LocalTasks<H> locals = new LocalTasks<>();
  private final TaskHealth<H> health;
  private final LaunchErrors launchErrors;
  private final TaskReconciler<H> reconciler;
  private final ScheduledExecutorService loop;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final AtomicInteger passes = new AtomicInteger();
  /** System.nanoTime of the last pass that polled every task; touched by the loop thread only. */
  private long lastPollAll = System.nanoTime() - POLL_EVERY_NANOS;
  private volatile boolean closed;

  public TaskSupervisor(TaskRuntime<H> runtime, ApiClient client, EventRecorder events, String nodeName,
      String nodeAddress, Clock clock) {
    this.runtime = runtime;
    this.events = events;
    this.health = new TaskHealth<>(runtime, clock, this::onHealth);
    this.informer = new Informer<JsonNode>(client, Gvr.TASKS, null, null, "spec.nodeName=" + nodeName, j -> j)
        .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)))
        .withResync(Duration.ofSeconds(30));
    TaskWrites writes = new TaskWrites(client);
    this.launchErrors = new LaunchErrors(writes, clock);
    StatusReporter<H> reporter = new StatusReporter<>(runtime, health, writes, events, nodeName, clock);
    Releaser<H> releaser = new Releaser<>(runtime, locals, writes, reporter, health);
    this.reconciler = new TaskReconciler<>(locals,
        new Launcher<>(runtime, locals, writes, reporter, health, launchErrors, events, informer, nodeName,
            nodeAddress, clock),
        new Killer<>(runtime, locals, reporter, releaser, health, events, informer),
        releaser, reporter, this::wake);
    this.loop = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("task-supervisor"));
  }

  /** Re-adopts the tasks of earlier runs (same processes, not restarted), then starts watching and the loop. */
  public TaskSupervisor<H> start() {
    for (H h : runtime.adoptAll()) {
      if (runtime.released(h)) {
        continue;
      }
      try {
        SupervisedTask<H> l = new SupervisedTask<>(h);
        l.last = runtime.status(h);
        locals.put(l);
        if (!l.last.terminal()) {
          health.watch(l, h.launchedAt());
        }
        LOG.info("tasks: re-adopted {}: {}", h.taskId(), l.last);
      } catch (RuntimeException e) {
        LOG.warn("tasks: cannot re-adopt {}: {}", h, e.toString());
      }
    }
    informer.addHandler(new EventHandler() {
      @Override
      public void onAdd(JsonNode object) {
        wake();
      }

      @Override
      public void onUpdate(JsonNode previous, JsonNode current) {
        wake();
      }

      @Override
      public void onDelete(JsonNode object) {
        wake();
      }
    });
    informer.start();
    loop.scheduleWithFixedDelay(this::pass, 0, 1, TimeUnit.SECONDS);
    return this;
  }

  /** Asks for a pass soon (coalesced). */
  public void wake() {
    if (!closed && wakePending.compareAndSet(false, true)) {
      try {
        // a short delay folds a burst of watch events (a launch wave brings ~4 per task) into one pass
        loop.schedule(this::pass, WAKE_DELAY_MS, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        wakePending.set(false);
      }
    }
  }

  /**
   * The output of task {@code namespace/name} for the log server: of the task this agent has, else
   * the newest one the runtime left on this node (a task that ended and was deleted).
   */
  public Optional<LogSource> logSource(String namespace, String name) {
    return locals.newest(namespace, name)
        .map(l -> new LogSource(runtime.logs(l.handle), () -> runtime.status(l.handle).terminal()))
        .or(() -> runtime.logsLeft(namespace, name).map(files -> new LogSource(files, () -> true)));
  }

  /** The uids of the tasks this agent has now (for tests and status pages). */
  public Set<String> localUids() {
    return locals.uids();
  }

  /** The uids whose sandboxes the agent uses: supervised, being launched or killed, or with an unreported launch error. */
  public Set<String> uidsInUse() {
    Set<String> uids = new HashSet<>(locals.uids());
    uids.addAll(locals.busy());
    uids.addAll(launchErrors.uids());
    return uids;
  }

  private void pass() {
    wakePending.set(false);
    if (closed) {
      return;
    }
    try {
      long nowNanos = System.nanoTime();
      boolean pollAll = nowNanos - lastPollAll >= POLL_EVERY_NANOS;
      if (pollAll) {
        lastPollAll = nowNanos;
      }
      poll(pollAll);
      if (pollAll && passes.incrementAndGet() % ROTATE_EVERY_PASSES == 0) {
        rotateLogs();
      }
      launchErrors.report(informer.list());
      Map<String, JsonNode> api = new LinkedHashMap<>();
      for (JsonNode t : informer.list()) {
        api.put(TaskJson.uid(t), t);
      }
      Set<String> skip = locals.busy();
      skip.addAll(launchErrors.uids());
      List<TaskAction> actions = TaskPlanner.plan(TaskJson.views(api.values()), informer.hasSynced(),
          locals.plannerView(), skip);
      for (TaskAction a : actions) {
        reconciler.apply(a, api.get(a.uid()));
      }
    } catch (RuntimeException e) {
      LOG.error("tasks: a pass failed", e);
    }
  }

  /** Asks the runtime how each task is: all of them, or only those not looked at yet. */
  private void poll(boolean all) {
    for (SupervisedTask<H> l : locals.all()) {
      if (!all && l.last != null) {
        continue; // a launch or kill sets l.last itself; exits are noticed by the next full poll
      }
      TaskState before = l.last;
      l.last = runtime.status(l.handle);
      if (l.last.terminal() && (before == null || !before.terminal())) {
        health.unwatch(l.id());
        LOG.info("tasks: {} ended: {}", l.id(), l.last);
      }
    }
  }

  private void rotateLogs() {
    for (SupervisedTask<H> l : locals.all()) {
      try {
        rotator.rotate(runtime.logs(l.handle));
      } catch (IOException e) {
        LOG.warn("tasks: cannot rotate the logs of {}: {}", l.id(), e.toString());
      }
    }
  }

  private void onHealth(HealthEvent e) {
    if (!e.healthy() && e.kind() == CheckSpec.Kind.LIVENESS) {
      informer.getJson(e.taskId().namespace(), e.taskId().name())
          .ifPresent(t -> events.warning(t, "Unhealthy", "health check " + e.checkIndex() + " failed: " + e.message()));
    }
    wake();
  }

  /** Stops watching and the loop; the tasks keep running (a next agent adopts them). */
  @Override
  public void close() {
    closed = true;
    loop.shutdownNow();
    reconciler.close();
    informer.close();
    health.close();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
      reconciler.awaitClosed(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
