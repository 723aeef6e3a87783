package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.LimitsSupport;
import io.disponent.agent.runtime.TaskEnvironment;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.agent.runtime.TaskState;
import io.disponent.agent.runtime.UnixUser;
import io.disponent.crds.model.Quantities;
import io.disponent.crds.model.TaskSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks as host processes that outlive the agent.
 *
 * <p>Each task runs as {@code setsid perl -e <wrapper> ...}: the wrapper is the leader of a new
 * session and process group (so a signal to the agent's group never reaches it), joins the task's
 * cgroups, forks the task, and records its exit code or signal in {@code .disponent/status}.
 * Output goes to {@code stdout} and {@code stderr} in the sandbox, opened in append mode by the
 * wrapper, so it keeps flowing while no agent runs; rotation is copy-truncate
 * ({@link io.disponent.agent.logs.LogRotator}). A {@link Checkpoint} per sandbox lets a restarted
 * agent {@link #adopt} its tasks. See the module README for the picture.
 *
 * <p>Thread-safe; {@link #launch} and {@link #kill} block (fetching, waiting for the grace period).
 */
public final class ProcessRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);
  private static final String WRAPPER = loadWrapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SIGKILL_WAIT = Duration.ofSeconds(5);

  private final RuntimeConfig config;
  private final Cgroups cgroups;
  private final ArtifactFetcher fetcher;
  /** Held while sandbox folders are made or removed, so a removal never takes a new sandbox's parent. */
  private final Object layout = new Object();

  public ProcessRuntime(RuntimeConfig config) {
    this.config = config;
    this.cgroups = Cgroups.detect(config.cgroupRoot(), config.cgroupParent());
    this.fetcher = new ArtifactFetcher(
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build(),
        config.fetchTimeout());
    for (String tool : List.of("/usr/bin/setsid", "/usr/bin/perl")) {
      if (!Files.isExecutable(Path.of(tool)) && !onPath(Path.of(tool).getFileName().toString())) {
        throw new IllegalStateException("runtime: " + tool + " is needed to run tasks (util-linux, perl-base)");
      }
    }
    LOG.info("process runtime: sandboxes under {}, limits: {}", config.sandboxRoot(), limits());
  }

  /** Whether tasks launched by this runtime get cgroup limits, and why not. */
  public LimitsSupport limits() {
    LimitsSupport s = cgroups.support();
    return config.enforceLimits() ? s : new LimitsSupport(false, s.version(), "disabled by configuration");
  }

  /** The sandbox a launch spec gets: {@code <sandboxRoot>/<namespace>/<name>/<uid>}. */
  public Path sandboxOf(LaunchSpec launch) {
    Path root = launch.sandboxRoot() == null ? config.sandboxRoot() : launch.sandboxRoot();
    TaskId id = launch.taskId();
    return root.resolve(id.namespace()).resolve(id.name()).resolve(id.uid());
  }

  /**
   * Makes the sandbox, fetches artifacts, makes the cgroup, checkpoints and starts the task; returns
   * once the wrapper runs. Not idempotent: a sandbox that already has a checkpoint is refused (the
   * caller adopts it instead).
   */
  public ProcessTaskHandle launch(LaunchSpec launch) throws TaskLaunchException {
    TaskSpec spec = launch.spec();
    if (spec.image() != null) {
      throw new TaskLaunchException("runtime: the process runtime cannot run an image (" + spec.image() + ")");
    }
    Path sandbox = sandboxOf(launch).toAbsolutePath();
    Path state = sandbox.resolve(ProcessTaskHandle.STATE_DIR);
    if (Files.exists(state.resolve(Checkpoint.FILE))) {
      throw new TaskLaunchException("runtime: " + launch.taskId() + " was launched already in " + sandbox);
    }
    Map<String, String> env;
    List<String> argv;
    try {
      env = TaskEnvironment.build(launch, sandbox, config.inheritedEnv());
      argv = TaskEnvironment.argv(spec, env);
    } catch (IllegalArgumentException e) {
      throw new TaskLaunchException(e.getMessage(), e);
    }
    UnixUser user = runAs(spec.user());
    if (user != null) {
      argv = RunAs.command(user, argv);
    }
    TaskCgroup cgroup = null;
    try {
      synchronized (layout) {
        Files.createDirectories(state);
      }
      fetcher.fetchAll(spec.artifacts(), sandbox);
      if (user != null) {
        Sandboxes.chown(sandbox, user);
      }
      if (limits().enforced()) {
        long memory = spec.resources() == null ? 0 : Quantities.bytes(spec.resources().memory(), 0);
        long cpus = spec.resources() == null ? 0 : Quantities.millis(spec.resources().cpus(), 0);
        cgroup = cgroups.create(cgroupName(launch.taskId()), memory, cpus);
      }
      Instant launchedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Checkpoint checkpoint = new Checkpoint(1, launch, sandbox.toString(), 0, 0, cgroup, launchedAt.toString(), user);
      checkpoint.write(state);
      List<String> cmd = new ArrayList<>(List.of("setsid", "perl", "-e", WRAPPER, state.toString()));
      if (cgroup != null) {
        cmd.addAll(Cgroups.procsFiles(cgroup));
      }
      cmd.add("--");
      cmd.addAll(argv);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(sandbox.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(sandbox.resolve("stdout").toFile()))
          .redirectError(ProcessBuilder.Redirect.appendTo(sandbox.resolve("stderr").toFile()));
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.start();
      long pid = awaitWrapperPid(state, p);
      long startTime = ProcFs.startTime(pid).orElse(0);
      checkpoint.withWrapper(pid, startTime).write(state);
      awaitTaskPid(state, p);
      ProcessTaskHandle h = new ProcessTaskHandle(launch.taskId(), sandbox, pid, startTime, cgroup, user, launchedAt);
      LOG.info("runtime: launched {} as wrapper pid {} in {}{}", launch.taskId(), pid, sandbox,
          user == null ? "" : ", as user " + user);
      return h;
    } catch (IOException | RuntimeException e) {
      if (cgroup != null) {
        Cgroups.remove(cgroup);
      }
      throw new TaskLaunchException("runtime: cannot launch " + launch.taskId() + ": " + e.getMessage(), e);
    }
  }

  /** The account {@code spec.user} names, or null to run as the agent does. */
  private static UnixUser runAs(String requested) throws TaskLaunchException {
    if (requested == null || requested.isEmpty()) {
      return null;
    }
    try {
      return RunAs.decide(requested, UserLookup.agentUid(), UserLookup.find(requested)).orElse(null);
    } catch (RuntimeException e) {
      throw new TaskLaunchException("runtime: cannot look up user " + requested + ": " + e.getMessage(), e);
    }
  }

  private static long awaitWrapperPid(Path state, Process p) throws IOException {
    Path pidFile = state.resolve("wrapper.pid");
    Path status = state.resolve("status");
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(pidFile)) {
        return Long.parseLong(Files.readString(pidFile).trim());
      }
      if (Files.exists(status) || !p.isAlive()) {
        if (Files.exists(pidFile)) {
          continue;
        }
        throw new IOException("the wrapper ended before it started the task (exit " + p.exitValue()
            + "); see " + state.getParent().resolve("stderr"));
      }
      pause(5);
    }
    p.destroyForcibly();
    throw new IOException("the wrapper did not start in " + START_TIMEOUT);
  }

  /**
   * Waits until the wrapper has forked the task and recorded its pid (or the task already ended),
   * so that the first status a launch reports names the task's own pid, never the wrapper's. The
   * wrapper writes {@code task.pid} right after {@code fork}: this is a millisecond, not a wait
   * for the task to start working.
   */
  private static void awaitTaskPid(Path state, Process p) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && !Files.exists(state.resolve("task.pid"))
        && !Files.exists(state.resolve("status")) && p.isAlive()) {
      pause(1);
    }
  }

  /**
   * A handle for the task checkpointed in {@code sandbox}, whether it still runs or ended while no
   * agent watched (its {@link ProcessTaskHandle#poll()} tells); empty when there is no checkpoint.
   */
  public Optional<ProcessTaskHandle> adopt(Path sandbox) {
    Optional<ProcessTaskHandle> h = handleOf(sandbox);
    h.ifPresent(x -> LOG.info("runtime: adopted {}: {}", x, x.poll()));
    return h;
  }

  private static Optional<ProcessTaskHandle> handleOf(Path sandbox) {
    Path state = sandbox.resolve(ProcessTaskHandle.STATE_DIR);
    if (!Files.exists(state.resolve(Checkpoint.FILE))) {
      return Optional.empty();
    }
    try {
      Checkpoint c = Checkpoint.read(state);
      long pid = c.wrapperPid();
      long startTime = c.wrapperStartTime();
      if (pid == 0 && Files.exists(state.resolve("wrapper.pid"))) {
        // the agent died between spawning the wrapper and checkpointing its pid
        pid = Long.parseLong(Files.readString(state.resolve("wrapper.pid")).trim());
        startTime = ProcFs.startTime(pid).orElse(-1);
      }
      return Optional.of(new ProcessTaskHandle(c.launch().taskId(), sandbox.toAbsolutePath(), pid, startTime, c.cgroup(),
          c.runAs(), Instant.parse(c.launchedAt()).truncatedTo(ChronoUnit.SECONDS)));
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException("runtime: cannot read the checkpoint in " + sandbox,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** {@link #adopt} for every checkpointed sandbox under the default sandbox root. */
  public List<ProcessTaskHandle> adoptAll() {
    Path root = config.sandboxRoot();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.find(root, 5, (p, a) -> p.getFileName().toString().equals(Checkpoint.FILE))) {
      return s.map(p -> p.getParent().getParent()).map(this::adopt).flatMap(Optional::stream).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("runtime: cannot scan " + root, e);
    }
  }

  /** Whether a process of the task checkpointed in {@code sandbox} still runs (in its session or cgroup). */
  public boolean hasProcesses(Path sandbox) {
    return handleOf(sandbox).map(h -> !members(h).isEmpty()).orElse(false);
  }

  /**
   * Deletes a sandbox of the default sandbox root that the agent is done with, its cgroup and the
   * {@code <namespace>/<name>} folders above it once they are empty. Links inside are removed, not
   * followed.
   *
   * @throws IllegalArgumentException for a path that is not {@code <sandboxRoot>/<ns>/<name>/<uid>}
   * @throws IllegalStateException when a process of the task still runs
   */
  public void remove(Path sandbox) throws IOException {
    Path root = config.sandboxRoot().toAbsolutePath().normalize();
    Path dir = sandbox.toAbsolutePath().normalize();
    if (!dir.startsWith(root) || root.relativize(dir).getNameCount() != 3) {
      throw new IllegalArgumentException("runtime: " + sandbox + " is not a sandbox under " + root);
    }
    Optional<ProcessTaskHandle> h = handleOf(dir);
    if (h.isPresent() && !members(h.get()).isEmpty()) {
      throw new IllegalStateException("runtime: processes " + members(h.get()) + " of " + dir + " still run");
    }
    h.flatMap(ProcessTaskHandle::cgroup).ifPresent(Cgroups::remove);
    synchronized (layout) {
      Sandboxes.delete(dir);
      for (Path p = dir.getParent(); !p.equals(root); p = p.getParent()) {
        try {
          Files.deleteIfExists(p);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
          break;
        }
      }
    }
    LOG.info("runtime: removed sandbox {}", dir);
  }

  /**
   * Stops the task's whole tree: SIGTERM to every process of its session and cgroup, up to
   * {@code gracePeriod} for the task to end, then SIGKILL; waits until no process of the task is
   * left and its cgroup is removed. Returns the final state. Idempotent: killing an ended task
   * only sweeps what it left behind.
   *
   * @throws IllegalStateException when processes survive SIGKILL (uninterruptible sleep)
   */
  public TaskState kill(ProcessTaskHandle h, Duration gracePeriod) throws InterruptedException {
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

  static String cgroupName(TaskId id) {
    return (id.namespace() + "." + id.name() + "." + id.uid()).replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("runtime: interrupted", e);
    }
  }

  private static String loadWrapper() {
    try (InputStream in = ProcessRuntime.class.getResourceAsStream("wrapper.pl")) {
      if (in == null) {
        throw new IllegalStateException("runtime: wrapper.pl missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
