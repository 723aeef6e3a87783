package io.disponent.agent.runtime.process;

import io.disponent.agent.logs.LogFiles;
import io.disponent.agent.runtime.ExecResult;
import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.LimitsSupport;
import io.disponent.agent.runtime.Prepared;
import io.disponent.agent.runtime.TaskEnvironment;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.agent.runtime.TaskRuntime;
import io.disponent.agent.runtime.TaskState;
import io.disponent.agent.runtime.UnixUser;
import io.disponent.crds.model.Quantities;
import io.disponent.crds.model.TaskSpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks as host processes that outlive the agent.
 *
 * <p>Each task runs under a {@link Wrapper}: the leader of a new session and process group (so a
 * signal to the agent's group never reaches it) that joins the task's cgroups, forks the task, and
 * records its exit code or signal in {@code .disponent/status}. Output goes to {@code stdout} and
 * {@code stderr} in the sandbox, opened in append mode by the wrapper, so it keeps flowing while no
 * agent runs; rotation is copy-truncate ({@link io.disponent.agent.logs.LogRotator}). A
 * {@link Checkpoint} per sandbox lets a restarted agent {@link #adopt} its tasks. See the module
 * README for the picture.
 *
 * <p>Thread-safe; {@link #prepare}, {@link #launch} and {@link #stop} block (fetching, waiting for
 * the grace period).
 */
public final class ProcessRuntime implements TaskRuntime<ProcessTaskHandle> {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);

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

  @Override
  public LimitsSupport limits() {
    LimitsSupport s = cgroups.support();
    return config.enforceLimits() ? s : new LimitsSupport(false, s.version(), "disabled by configuration");
  }

  /** The sandbox a launch spec gets: {@code <sandboxRoot>/<namespace>/<name>/<uid>}. */
  public Path sandboxOf(LaunchSpec launch) {
    Path root = launch.sandboxRoot() == null ? config.sandboxRoot() : launch.sandboxRoot();
    return sandboxOf(root, launch.taskId());
  }

  private static Path sandboxOf(Path root, TaskId id) {
    return root.resolve(id.namespace()).resolve(id.name()).resolve(id.uid());
  }

  /**
   * Makes the sandbox, fetches artifacts and gives the sandbox to the task's user. Not idempotent:
   * a sandbox that already has a checkpoint is refused (the caller adopts it instead).
   */
  @Override
  public Prepared prepare(LaunchSpec launch) throws TaskLaunchException {
    TaskSpec spec = launch.spec();
    if (spec.image() != null) {
      throw new TaskLaunchException("runtime: the process runtime cannot run an image (" + spec.image() + ")");
    }
    Path sandbox = sandboxOf(launch).toAbsolutePath();
    Path state = SandboxLayout.stateDir(sandbox);
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
    try {
      synchronized (layout) {
        Files.createDirectories(state);
      }
      fetcher.fetchAll(spec.artifacts(), sandbox);
      if (user != null) {
        Sandboxes.chown(sandbox, user);
      }
    } catch (IOException | RuntimeException e) {
      throw cannotLaunch(launch, e);
    }
    return new Prepared(launch, sandbox, env, argv, user);
  }

  /** Makes the cgroup, checkpoints and starts the task; returns once the wrapper runs and has recorded the task's pid. */
  @Override
  public ProcessTaskHandle launch(Prepared prepared) throws TaskLaunchException {
    LaunchSpec launch = prepared.launch();
    TaskSpec spec = launch.spec();
    Path sandbox = prepared.sandbox();
    Path state = SandboxLayout.stateDir(sandbox);
    UnixUser user = prepared.user();
    List<String> argv = user == null ? prepared.argv() : RunAs.command(user, prepared.argv());
    TaskCgroup cgroup = null;
    try {
      if (limits().enforced()) {
        long memory = spec.resources() == null ? 0 : Quantities.bytes(spec.resources().memory(), 0);
        long cpus = spec.resources() == null ? 0 : Quantities.millis(spec.resources().cpus(), 0);
        cgroup = cgroups.create(cgroupName(launch.taskId()), memory, cpus);
      }
      Instant launchedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Checkpoint checkpoint = new Checkpoint(1, launch, sandbox.toString(), 0, 0, cgroup, launchedAt.toString(), user);
      checkpoint.write(state);
      Wrapper.Spawned wrapper = Wrapper.spawn(sandbox, prepared.env(),
          cgroup == null ? List.of() : Cgroups.procsFiles(cgroup), argv);
      long startTime = ProcFs.startTime(wrapper.pid()).orElse(0);
      checkpoint.withWrapper(wrapper.pid(), startTime).write(state);
      wrapper.awaitTaskPid();
      ProcessTaskHandle h = new ProcessTaskHandle(launch, sandbox, wrapper.pid(), startTime, cgroup, user, launchedAt);
      LOG.info("runtime: launched {} as wrapper pid {} in {}{}", launch.taskId(), wrapper.pid(), sandbox,
          user == null ? "" : ", as user " + user);
      return h;
    } catch (IOException | RuntimeException e) {
      if (cgroup != null) {
        Cgroups.remove(cgroup);
      }
      throw cannotLaunch(launch, e);
    }
  }

  private static TaskLaunchException cannotLaunch(LaunchSpec launch, Exception e) {
    return new TaskLaunchException("runtime: cannot launch " + launch.taskId() + ": " + e.getMessage(), e);
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

  /**
   * A handle for the task checkpointed in {@code sandbox}, whether it still runs or ended while no
   * agent watched (its {@link ProcessTaskHandle#poll()} tells); empty when there is no checkpoint.
   */
  public Optional<ProcessTaskHandle> adopt(Path sandbox) {
    Optional<ProcessTaskHandle> h = Adoption.handleOf(sandbox);
    h.ifPresent(x -> LOG.info("runtime: adopted {}: {}", x, x.poll()));
    return h;
  }

  /** {@link #adopt} for every checkpointed sandbox under the default sandbox root. */
  @Override
  public List<ProcessTaskHandle> adoptAll() {
    return Adoption.checkpointed(config.sandboxRoot()).stream().map(this::adopt).flatMap(Optional::stream).toList();
  }

  /** Whether a process of the task checkpointed in {@code sandbox} still runs (in its session or cgroup). */
  public boolean hasProcesses(Path sandbox) {
    return Adoption.handleOf(sandbox).map(h -> !TreeKiller.members(h).isEmpty()).orElse(false);
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
    Optional<ProcessTaskHandle> h = Adoption.handleOf(dir);
    if (h.isPresent() && !TreeKiller.members(h.get()).isEmpty()) {
      throw new IllegalStateException("runtime: processes " + TreeKiller.members(h.get()) + " of " + dir + " still run");
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

  @Override
  public TaskState status(ProcessTaskHandle task) {
    return task.poll();
  }

  /** The mtime of the wrapper's status file, else of a marker made the first time an ended task was seen without one. */
  @Override
  public Instant finishedAt(ProcessTaskHandle task) {
    Path status = task.stateDir().resolve(SandboxLayout.STATUS);
    Path seen = task.stateDir().resolve(SandboxLayout.FINISHED_AT);
    try {
      Path f = Files.exists(status) ? status : seen;
      if (!Files.exists(f)) {
        SandboxLayout.touch(seen);
      }
      return Files.getLastModifiedTime(f).toInstant();
    } catch (IOException e) {
      return Instant.now();
    }
  }

  /** See {@link TreeKiller#kill}: TERM to the session and cgroup but the wrapper, then KILL, until none is left. */
  @Override
  public TaskState stop(ProcessTaskHandle task, Duration gracePeriod) throws InterruptedException {
    return TreeKiller.kill(task, gracePeriod);
  }

  @Override
  public LogFiles logs(ProcessTaskHandle task) {
    return task.logs();
  }

  /** The newest sandbox of {@code namespace/name} under the default sandbox root (by mtime). */
  @Override
  public Optional<LogFiles> logsLeft(String namespace, String name) {
    if (namespace.contains("/") || name.contains("/") || namespace.startsWith(".") || name.startsWith(".")) {
      return Optional.empty();
    }
    Path dir = config.sandboxRoot().resolve(namespace).resolve(name);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .map(LogFiles::inSandbox);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** In the sandbox, with the task's environment and user, as the task itself was started. */
  @Override
  public ExecResult exec(ProcessTaskHandle task, List<String> argv, Duration timeout)
      throws IOException, InterruptedException {
    Map<String, String> env = TaskEnvironment.build(task.launch(), task.sandbox(), config.inheritedEnv());
    return ProcessExec.run(task.sandbox(), env, task.user().orElse(null), argv, timeout);
  }

  @Override
  public void markKilledByAgent(ProcessTaskHandle task) {
    SandboxLayout.touch(task.stateDir().resolve(SandboxLayout.KILLED_BY_AGENT));
  }

  @Override
  public boolean killedByAgent(ProcessTaskHandle task) {
    return Files.exists(task.stateDir().resolve(SandboxLayout.KILLED_BY_AGENT));
  }

  /** Marks the sandbox under the default root released; a launch that failed before its process ran may have left one. */
  @Override
  public void release(TaskId id) {
    Path sandbox = sandboxOf(config.sandboxRoot(), id);
    if (Files.isDirectory(SandboxLayout.stateDir(sandbox))) {
      SandboxLayout.touch(sandbox.resolve(SandboxLayout.RELEASED));
    }
  }

  @Override
  public boolean released(ProcessTaskHandle task) {
    return Files.exists(task.sandbox().resolve(SandboxLayout.RELEASED));
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
}
