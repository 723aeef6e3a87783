package io.disponent.agent.tasks;

import io.disponent.crds.vocab.Finalizers;
import io.disponent.crds.vocab.Labels;
import io.disponent.crds.vocab.TaskStates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.agent.health.HealthChecker;
import io.disponent.agent.health.HealthEvent;
import io.disponent.agent.health.HealthTarget;
import io.disponent.agent.health.Verdict;
import io.disponent.agent.logs.LogRotator;
import io.disponent.agent.runtime.process.Checkpoint;
import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.process.ProcessRuntime;
import io.disponent.agent.runtime.TaskEnvironment;
import io.disponent.agent.runtime.process.ProcessTaskHandle;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.agent.runtime.TaskState;
import io.disponent.client.ApiClient;
import io.disponent.client.ApiException;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.runtime.Backoff;
import io.disponent.client.runtime.DaemonThreads;
import io.disponent.client.runtime.EventHandler;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Informer;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.model.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The agent loop for tasks: watches the Tasks bound to this node, hands the picture and the local
 * sandboxes to {@link TaskPlanner}, and applies its actions: launches and kills on a small pool
 * (they block), status patches inline. A pass runs every second and whenever the informer or a
 * health check reports a change. API failures are logged and retried by the next pass; they never
 * touch a process.
 *
 * <p>Per sandbox, the agent keeps two marker files in {@code .disponent/}: {@code killed-by-agent}
 * (a signal death is then KILLED, not FAILED) and {@code released} (the Task is gone and its
 * finalizer removed: not adopted again).
 */
public final class TaskSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskSupervisor.class);
  /** Logs are checked for rotation every this many full polls. */
  private static final int ROTATE_EVERY_PASSES = 10;
  private static final int WORKERS = 16;
  private static final long WAKE_DELAY_MS = 10;
  /**
   * Every sandbox is polled (a few /proc and cgroup reads each) at most this often, not on each
   * pass: with N tasks and passes driven by their events, polling on every pass cost O(N²).
   */
  private static final long POLL_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  /** A sandbox this agent has, with the launch details a status needs. */
  private static final class Local {
    final ProcessTaskHandle handle;
    final TaskSpec spec;
    final Map<String, Integer> hostPorts;
    final String startedAt;
    volatile TaskState last;
    volatile boolean killing;

    Local(ProcessTaskHandle handle, TaskSpec spec, Map<String, Integer> hostPorts, String startedAt) {
      this.handle = handle;
      this.spec = spec;
      this.hostPorts = hostPorts;
      this.startedAt = startedAt;
    }
  }

  private final ProcessRuntime runtime;
  private final ApiClient client;
  private final EventRecorder events;
  private final String nodeName;
  private final String nodeAddress;
  private final Path sandboxRoot;
  private final Clock clock;
  private final HealthChecker health;
  private final LogRotator rotator = LogRotator.defaults();
  private final Informer<JsonNode> informer;
  /** uid → sandbox; changed by the loop and the pool. */
  private final Map<String, Local> locals = new ConcurrentHashMap<>();
  /** uids with a launch or kill on the pool. */
  private final Set<String> busy = ConcurrentHashMap.newKeySet();
  /** uids whose launch failed and whose ERROR is not reported yet: uid → why. */
  private final Map<String, TaskLaunchException> launchErrors = new ConcurrentHashMap<>();
  private final ScheduledExecutorService loop;
  private final ExecutorService pool;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final AtomicInteger passes = new AtomicInteger();
  /** System.nanoTime of the last pass that polled every sandbox; touched by the loop thread only. */
  private long lastPollAll = System.nanoTime() - POLL_EVERY_NANOS;
  private volatile boolean closed;

  public TaskSupervisor(ProcessRuntime runtime, Path sandboxRoot, ApiClient client, EventRecorder events,
      String nodeName, String nodeAddress, Clock clock) {
    this.sandboxRoot = sandboxRoot;
    this.runtime = runtime;
    this.client = client;
    this.events = events;
    this.nodeName = nodeName;
    this.nodeAddress = nodeAddress;
    this.clock = clock;
    this.health = new HealthChecker(clock, this::onHealth);
    this.informer = new Informer<JsonNode>(client, Gvr.TASKS, null, null, "spec.nodeName=" + nodeName, j -> j)
        .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)))
        .withResync(Duration.ofSeconds(30));
    this.loop = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("task-supervisor"));
    // launches and kills mostly wait for the API server and for processes, not for a CPU
    this.pool = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("task-worker"));
  }

  /** Re-adopts the sandboxes of earlier runs (same processes, not restarted), then starts watching and the loop. */
  public TaskSupervisor start() {
    for (ProcessTaskHandle h : runtime.adoptAll()) {
      if (Files.exists(marker(h, "released"))) {
        continue;
      }
      try {
        Checkpoint c = Models.MAPPER.readValue(h.sandbox().resolve(".disponent/checkpoint.json").toFile(), Checkpoint.class);
        Local l = new Local(h, c.launch().spec(), c.launch().hostPorts(), ts(h.launchedAt()));
        l.last = h.poll();
        locals.put(h.taskId().uid(), l);
        if (!l.last.terminal()) {
          watchHealth(l, c.launch(), h.launchedAt());
        }
        LOG.info("tasks: re-adopted {}: {}", h.taskId(), l.last);
      } catch (IOException | RuntimeException e) {
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
   * The sandbox of task {@code namespace/name} for its logs: the one this agent supervises, else
   * the newest one left on disk (a task that ended and was deleted).
   */
  public Optional<LogSource> logSource(String namespace, String name) {
    Optional<LogSource> live = locals.values().stream()
        .filter(l -> l.handle.taskId().namespace().equals(namespace) && l.handle.taskId().name().equals(name))
        .max((a, b) -> String.valueOf(a.startedAt).compareTo(String.valueOf(b.startedAt)))
        .map(l -> new LogSource(l.handle.sandbox(), () -> l.handle.poll().terminal()));
    if (live.isPresent() || namespace.contains("/") || name.contains("/") || namespace.startsWith(".") || name.startsWith(".")) {
      return live;
    }
    Path dir = sandboxRoot.resolve(namespace).resolve(name);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (var s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .max(java.util.Comparator.comparing(p -> p.toFile().lastModified()))
          .map(p -> new LogSource(p, () -> true));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The uids of the sandboxes this agent has now (for tests and status pages). */
  public Set<String> localUids() {
    return Set.copyOf(locals.keySet());
  }

  /** The uids whose sandboxes the agent uses: supervised, being launched or killed, or with an unreported launch error. */
  public Set<String> uidsInUse() {
    Set<String> uids = new java.util.HashSet<>(locals.keySet());
    uids.addAll(busy);
    uids.addAll(launchErrors.keySet());
    return uids;
  }

  // ---- the loop

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
      for (Local l : locals.values()) {
        if (!pollAll && l.last != null) {
          continue; // a launch or kill sets l.last itself; exits are noticed by the next full poll
        }
        TaskState before = l.last;
        l.last = l.handle.poll();
        if (l.last.terminal() && (before == null || !before.terminal())) {
          health.unwatch(l.handle.taskId());
          LOG.info("tasks: {} ended: {}", l.handle.taskId(), l.last);
        }
      }
      if (pollAll && passes.incrementAndGet() % ROTATE_EVERY_PASSES == 0) {
        rotateLogs();
      }
      retryLaunchErrors();
      Map<String, JsonNode> api = new LinkedHashMap<>();
      for (JsonNode t : informer.list()) {
        api.put(uid(t), t);
      }
      Map<String, TaskPlanner.LocalTask> local = new HashMap<>();
      locals.forEach((uid, l) -> local.put(uid, new TaskPlanner.LocalTask(uid, l.last != null && l.last.terminal())));
      Set<String> skip = new java.util.HashSet<>(busy);
      skip.addAll(launchErrors.keySet());
      List<TaskAction> actions = TaskPlanner.plan(views(api.values()), informer.hasSynced(), local, skip);
      for (TaskAction a : actions) {
        apply(a, api.get(a.uid()));
      }
    } catch (RuntimeException e) {
      LOG.error("tasks: a pass failed", e);
    }
  }

  static List<TaskPlanner.ApiTask> views(Collection<JsonNode> tasks) {
    return tasks.stream().map(t -> new TaskPlanner.ApiTask(uid(t), t.path("status").path("state").asText(null),
        t.path("metadata").hasNonNull("deletionTimestamp"), hasFinalizer(t))).toList();
  }

  private void apply(TaskAction a, JsonNode task) {
    MDC.put("task", task == null ? a.uid() : ns(task) + "/" + name(task));
    try {
      if (a instanceof TaskAction.Launch) {
        submit(a.uid(), () -> launch(task));
      } else if (a instanceof TaskAction.Kill k) {
        submit(a.uid(), () -> kill(locals.get(a.uid()), task, k.deleted()));
      } else if (a instanceof TaskAction.Report) {
        report(locals.get(a.uid()), task);
      } else if (a instanceof TaskAction.Release) {
        release(a.uid(), task);
      } else if (a instanceof TaskAction.Forget) {
        forget(a.uid());
      } else if (a instanceof TaskAction.MarkLost) {
        patchStatus(task, new TaskStatus(generation(task), TaskStates.FAILED, null, false, null, null, null, null, "Lost",
            "the agent of node " + nodeName + " has no sandbox for this task", null, now(), null, null));
      }
    } catch (ApiException e) {
      LOG.info("tasks: {} of {} not done ({}); retrying", a.getClass().getSimpleName(), a.uid(), e.getMessage());
    } finally {
      MDC.remove("task");
    }
  }

  private void submit(String uid, ThrowingRunnable job) {
    busy.add(uid);
    pool.execute(() -> {
      try {
        job.run();
      } catch (ApiException e) {
        LOG.info("tasks: {} not done ({}); retrying", uid, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("tasks: {} failed", uid, e);
      } finally {
        busy.remove(uid);
        wake();
      }
    });
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws InterruptedException;
  }

  private void launch(JsonNode task) {
    TaskId id = new TaskId(ns(task), name(task), uid(task));
    TaskSpec spec = Models.read(task.path("spec"), TaskSpec.class);
    Map<String, Integer> hostPorts = hostPorts(spec);
    task = addFinalizer(task);
    if (spec.artifacts() != null && !spec.artifacts().isEmpty()) {
      // fetching may take a while: say so; without artifacts the launch is milliseconds and RUNNING comes next
      task = patchStatus(task, new TaskStatus(generation(task), TaskStates.STARTING, null, false, null, null, null, null,
          null, null, null, null, null, null));
    }
    LaunchSpec launch = new LaunchSpec(id, spec, hostPorts, nodeName, nodeAddress, serviceName(task), null);
    ProcessTaskHandle h;
    try {
      h = runtime.launch(launch);
    } catch (TaskLaunchException e) {
      LOG.warn("tasks: cannot launch {}: {}", id, e.getMessage());
      events.warning(task, "FailedLaunch", e.getMessage());
      launchErrors.put(id.uid(), e);
      retryLaunchErrors();
      return;
    }
    Local l = new Local(h, spec, hostPorts, ts(h.launchedAt()));
    l.last = h.poll();
    locals.put(id.uid(), l);
    watchHealth(l, launch, clock.instant());
    report(l, task); // RUNNING and its Started Event, or how it ended if it ended at once
  }

  /**
   * Adds the agent's finalizer, guarded by the resourceVersion (the list replaces the whole
   * array); the control plane often writes the Task just after binding it, so a conflict is
   * retried at once on a fresh copy rather than on the next pass.
   */
  private JsonNode addFinalizer(JsonNode task) {
    String uid = uid(task);
    for (int attempt = 1; ; attempt++) {
      if (hasFinalizer(task)) {
        return task;
      }
      ArrayNode fins = Models.MAPPER.createArrayNode();
      task.path("metadata").path("finalizers").forEach(fins::add);
      fins.add(Finalizers.AGENT);
      ObjectNode patch = Models.MAPPER.createObjectNode();
      patch.putObject("metadata").set("finalizers", fins);
      ((ObjectNode) patch.get("metadata")).put("resourceVersion", task.path("metadata").path("resourceVersion").asText());
      try {
        return client.patch(Gvr.TASKS, ns(task), name(task), PatchType.MERGE, patch);
      } catch (ConflictException e) {
        JsonNode fresh = client.get(Gvr.TASKS, ns(task), name(task));
        if (attempt == 5 || !uid.equals(uid(fresh)) || fresh.path("metadata").hasNonNull("deletionTimestamp")) {
          throw e; // still racing, deleted meanwhile, or a new Task of the same name: the next pass decides
        }
        task = fresh;
      }
    }
  }

  private void retryLaunchErrors() {
    for (Map.Entry<String, TaskLaunchException> e : launchErrors.entrySet()) {
      JsonNode task = informer.list().stream().filter(t -> uid(t).equals(e.getKey())).findFirst().orElse(null);
      if (task == null) {
        launchErrors.remove(e.getKey());
        continue;
      }
      try {
        patchStatus(task, new TaskStatus(generation(task), "ERROR", null, false, null, null, null, null,
            e.getValue().reason(), e.getValue().getMessage(), null, now(), null, null));
        launchErrors.remove(e.getKey());
      } catch (ApiException ex) {
        LOG.info("tasks: cannot report the failed launch of {} yet ({})", e.getKey(), ex.getMessage());
      }
    }
  }

  private void kill(Local l, JsonNode task, boolean deleted) throws InterruptedException {
    if (l == null) {
      return;
    }
    TaskId id = l.handle.taskId();
    int grace = l.spec.killGracePeriodSeconds() == null ? 3 : l.spec.killGracePeriodSeconds();
    if (!l.handle.poll().terminal()) {
      touch(marker(l.handle, "killed-by-agent"));
      l.killing = true;
      String why = deleted ? "the task was deleted" : "the task no longer exists in the API";
      if (task != null) {
        events.normal(task, "Killing", "stopping the task (" + why + ") with a grace period of " + grace + "s");
        tryReport(l, task);
      }
    }
    health.unwatch(id);
    TaskState end = runtime.kill(l.handle, Duration.ofSeconds(grace));
    l.last = end;
    l.killing = false;
    if (task == null) {
      markReleased(l.handle);
      locals.remove(id.uid());
      LOG.info("tasks: killed orphan {}: {}", id, end);
      return;
    }
    JsonNode now = informer.getJson(id.namespace(), id.name()).filter(t -> uid(t).equals(id.uid())).orElse(task);
    release(id.uid(), now);
  }

  private void report(Local l, JsonNode task) {
    if (l == null) {
      return;
    }
    TaskState s = l.last == null ? l.handle.poll() : l.last;
    JsonNode current = task.path("status");
    int nLive = l.spec.healthChecks() == null ? 0 : l.spec.healthChecks().size();
    List<Verdict> verdicts = s.terminal() ? List.of() : health.verdicts(l.handle.taskId());
    List<Verdict> live = verdicts.size() >= nLive ? verdicts.subList(0, nLive) : List.of();
    List<Verdict> ready = verdicts.size() >= nLive ? verdicts.subList(nLive, verdicts.size()) : List.of();
    if (nLive > 0 && live.isEmpty()) {
      live = java.util.Collections.nCopies(nLive, Verdict.initial());
    }
    TaskStatus desired = TaskStatusBuilder.build(new TaskStatusBuilder.Input(s,
        Files.exists(marker(l.handle, "killed-by-agent")), l.killing, generation(task), l.hostPorts, l.startedAt,
        s.terminal() ? finishedAt(l.handle) : null, live, ready, current), clock.instant());
    JsonNode patch = TaskStatusBuilder.diff(desired, current);
    if (patch == null) {
      return;
    }
    String before = current.path("state").asText("");
    patchStatus(task, desired);
    if (desired.pid() != null && current.path("pid").asLong(0) == 0) {
      // after the status: the Event is for people, the status is what the control plane waits for
      events.normal(task, "Started", "started on node " + nodeName + " as pid " + desired.pid());
    }
    if (!before.equals(desired.state()) && TaskStates.terminal(desired.state())
        && !TaskStates.terminal(before)) {
      if ("OOMKilled".equals(desired.reason())) {
        events.warning(task, "OOMKilled", desired.message());
      } else if (!TaskStates.KILLED.equals(desired.state())) {
        events.record(task, desired.exitCode() != null && desired.exitCode() == 0 ? EventRecorder.Type.Normal
            : EventRecorder.Type.Warning, "Exited", desired.message());
      }
    }
  }

  private void tryReport(Local l, JsonNode task) {
    try {
      report(l, task);
    } catch (ApiException e) {
      LOG.info("tasks: cannot report {} yet ({})", l.handle.taskId(), e.getMessage());
    }
  }

  /** Reports the final state (if a sandbox is known), removes the finalizer, and is done with the sandbox. */
  private void release(String uid, JsonNode task) {
    Local l = locals.get(uid);
    if (l != null && task != null) {
      l.last = l.handle.poll();
      report(l, task);
    }
    if (task != null && hasFinalizer(task)) {
      ArrayNode rest = Models.MAPPER.createArrayNode();
      task.path("metadata").path("finalizers").forEach(f -> {
        if (!Finalizers.AGENT.equals(f.asText())) {
          rest.add(f);
        }
      });
      ObjectNode patch = Models.MAPPER.createObjectNode();
      patch.putObject("metadata").set("finalizers", rest);
      try {
        client.patch(Gvr.TASKS, ns(task), name(task), PatchType.MERGE, patch);
      } catch (NotFoundException gone) {
        // deleted meanwhile: nothing holds it
      }
    }
    if (l == null && task != null) {
      // a launch that failed before the process ran may have left a sandbox behind
      Path sandbox = sandboxRoot.resolve(ns(task)).resolve(name(task)).resolve(uid);
      if (Files.isDirectory(sandbox.resolve(".disponent"))) {
        touch(sandbox.resolve(".disponent").resolve("released"));
      }
    }
    forget(uid);
  }

  private void forget(String uid) {
    Local l = locals.remove(uid);
    if (l != null) {
      health.unwatch(l.handle.taskId());
      markReleased(l.handle);
      LOG.info("tasks: done with {}", l.handle.taskId());
    }
  }

  private JsonNode patchStatus(JsonNode task, TaskStatus status) {
    ObjectNode patch = Models.MAPPER.createObjectNode();
    patch.set("status", Models.tree(status));
    return client.patchStatus(Gvr.TASKS, ns(task), name(task), PatchType.MERGE, patch);
  }

  private void onHealth(HealthEvent e) {
    if (!e.healthy() && e.kind() == io.disponent.agent.health.CheckSpec.Kind.LIVENESS) {
      informer.getJson(e.taskId().namespace(), e.taskId().name())
          .ifPresent(t -> events.warning(t, "Unhealthy", "health check " + e.checkIndex() + " failed: " + e.message()));
    }
    wake();
  }

  private void watchHealth(Local l, LaunchSpec launch, Instant started) {
    boolean none = (l.spec.healthChecks() == null || l.spec.healthChecks().isEmpty())
        && (l.spec.readinessChecks() == null || l.spec.readinessChecks().isEmpty());
    if (none) {
      return;
    }
    Map<String, String> env = TaskEnvironment.build(launch, l.handle.sandbox(), Map.of("PATH",
        System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
    health.watch(new HealthTarget(l.handle.taskId(), "127.0.0.1", l.hostPorts, l.handle.sandbox(), env,
        l.handle.user().orElse(null)),
        l.spec.healthChecks(), l.spec.readinessChecks(), started);
  }

  private void rotateLogs() {
    for (Local l : locals.values()) {
      try {
        rotator.rotate(l.handle.sandbox());
      } catch (IOException e) {
        LOG.warn("tasks: cannot rotate the logs of {}: {}", l.handle.taskId(), e.toString());
      }
    }
  }

  // ---- helpers

  static Map<String, Integer> hostPorts(TaskSpec spec) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (spec.ports() != null) {
      for (int i = 0; i < spec.ports().size(); i++) {
        PortSpec p = spec.ports().get(i);
        if (p.hostPort() != null) {
          out.put(p.name() == null ? "port" + i : p.name(), p.hostPort());
        }
      }
    }
    return out;
  }

  static String serviceName(JsonNode task) {
    String label = task.path("metadata").path("labels").path(Labels.SERVICE).asText("");
    if (!label.isEmpty()) {
      return label;
    }
    for (JsonNode o : task.path("metadata").path("ownerReferences")) {
      if ("Service".equals(o.path("kind").asText())) {
        return o.path("name").asText();
      }
    }
    return null;
  }

  private String finishedAt(ProcessTaskHandle h) {
    Path status = h.sandbox().resolve(".disponent/status");
    Path seen = h.sandbox().resolve(".disponent/finished_at");
    try {
      Path f = Files.exists(status) ? status : seen;
      if (!Files.exists(f)) {
        touch(seen);
      }
      return ts(Files.getLastModifiedTime(f).toInstant());
    } catch (IOException e) {
      return now();
    }
  }

  private static Path marker(ProcessTaskHandle h, String name) {
    return h.sandbox().resolve(".disponent").resolve(name);
  }

  private static void markReleased(ProcessTaskHandle h) {
    touch(marker(h, "released"));
  }

  private static void touch(Path p) {
    try {
      if (!Files.exists(p)) {
        Files.writeString(p, "");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("agent: cannot write " + p, e);
    }
  }

  private static boolean hasFinalizer(JsonNode t) {
    for (JsonNode f : t.path("metadata").path("finalizers")) {
      if (Finalizers.AGENT.equals(f.asText())) {
        return true;
      }
    }
    return false;
  }

  private static String uid(JsonNode t) {
    return t.path("metadata").path("uid").asText();
  }

  private static String ns(JsonNode t) {
    return t.path("metadata").path("namespace").asText();
  }

  private static String name(JsonNode t) {
    return t.path("metadata").path("name").asText();
  }

  private static long generation(JsonNode t) {
    return t.path("metadata").path("generation").asLong(1);
  }

  private String now() {
    return ts(clock.instant());
  }

  static String ts(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Stops watching and the loop; the processes keep running (a next agent adopts them). */
  @Override
  public void close() {
    closed = true;
    loop.shutdownNow();
    pool.shutdownNow();
    informer.close();
    health.close();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
