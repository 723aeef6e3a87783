package io.disponent.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.disponent.agent.logs.LogFiles;
import io.disponent.agent.runtime.ExecResult;
import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.agent.runtime.TaskState;
import io.disponent.crds.model.Artifact;
import io.disponent.crds.model.EnvVar;
import io.disponent.crds.model.Resources;
import io.disponent.crds.model.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: every task a test launches is killed by its handle in {@link #stopAll}. */
class ProcessRuntimeIT {
  @TempDir Path dataDir;
  private final List<ProcessTaskHandle> launched = new ArrayList<>();
  private ProcessRuntime runtime;

  private ProcessRuntime runtime() {
    if (runtime == null) {
      runtime = new ProcessRuntime(RuntimeConfig.defaults(dataDir));
    }
    return runtime;
  }

  private ProcessTaskHandle launch(String shell, List<String> command, Resources resources, List<Artifact> artifacts) throws Exception {
    return launchAs(null, shell, command, resources, artifacts);
  }

  private ProcessTaskHandle launchAs(String user, String shell, List<String> command, Resources resources,
      List<Artifact> artifacts) throws Exception {
    TaskSpec spec = new TaskSpec(command, shell, null, List.of(new EnvVar("GREETING", "hi")), resources, null, null, null,
        artifacts, 1, user, "node-a");
    TaskId id = new TaskId("it", "task-" + launched.size(), UUID.randomUUID().toString());
    ProcessTaskHandle h = runtime().launch(new LaunchSpec(id, spec, Map.of(), "node-a", null, "svc", null));
    launched.add(h);
    return h;
  }

  @AfterEach
  void stopAll() throws Exception {
    for (ProcessTaskHandle h : launched) {
      runtime().stop(h, Duration.ofMillis(200));
    }
  }

  private static String read(Path p) throws Exception {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  @Test
  void runsInItsOwnSessionWithOutputInTheSandbox() throws Exception {
    ProcessTaskHandle h = launch("echo $GREETING $TASK_NAME; echo oops >&2; sleep 30", null, null, null);

    await().atMost(Duration.ofSeconds(5)).until(() -> read(h.stdout()).equals("hi task-0\n"));
    assertThat(read(h.stderr())).isEqualTo("oops\n");
    assertThat(h.poll()).isInstanceOf(TaskState.Running.class);
    assertThat(h.sandbox()).startsWith(dataDir.resolve("sandboxes/it/task-0"));
    long ourSession = Long.parseLong(Files.readString(Path.of("/proc/self/stat")).replaceAll("^.*\\) ", "").split(" ")[3]);
    assertThat(ProcFs.sessionMembers(h.wrapperPid())).contains(h.wrapperPid(), h.taskPid().orElseThrow());
    assertThat(ProcFs.sessionMembers(ourSession)).doesNotContain(h.wrapperPid());
  }

  @Test
  void killStopsTheWholeTree() throws Exception {
    ProcessTaskHandle h = launch("sleep 30 & sleep 31; wait", null, null, null);
    await().atMost(Duration.ofSeconds(5)).until(() -> TreeKiller.members(h).size() >= 4); // wrapper, sh, 2 sleeps
    List<Long> tree = List.copyOf(TreeKiller.members(h));

    TaskState end = runtime().stop(h, Duration.ofSeconds(2));

    assertThat(end).isEqualTo(new TaskState.Killed(15));
    assertThat(tree).allSatisfy(pid -> assertThat(ProcFs.live(pid)).as("pid %s", pid).isFalse());
  }

  @Test
  void killEscalatesToSigkillAfterTheGracePeriod() throws Exception {
    ProcessTaskHandle h = launch("trap '' TERM; echo ready; while :; do sleep 1; done", null, null, null);
    await().atMost(Duration.ofSeconds(5)).until(() -> read(h.stdout()).contains("ready"));

    assertThat(runtime().stop(h, Duration.ofMillis(500))).isEqualTo(new TaskState.Killed(9));
    assertThat(TreeKiller.members(h)).isEmpty();
  }

  @Test
  void recordsExitCodesAndSignals() throws Exception {
    ProcessTaskHandle exits = launch("exit 3", null, null, null);
    ProcessTaskHandle sleeper = launch(null, List.of("sleep", "30"), null, null);
    await().atMost(Duration.ofSeconds(5)).until(() -> sleeper.taskPid().isPresent());

    new ProcessBuilder("kill", "-9", Long.toString(sleeper.taskPid().getAsLong())).start().waitFor();

    await().atMost(Duration.ofSeconds(5)).until(() -> exits.poll().terminal() && sleeper.poll().terminal());
    assertThat(exits.poll()).isEqualTo(new TaskState.Exited(3));
    assertThat(sleeper.poll()).isEqualTo(new TaskState.Killed(9));
  }

  @Test
  void aNewRuntimeAdoptsARunningTaskAndLearnsHowItEnds() throws Exception {
    ProcessTaskHandle first = launch("echo started; exec sleep 30", null, null, null);
    assertThat(first.taskPid()).as("the task's pid is known when launch returns").isPresent();
    await().atMost(Duration.ofSeconds(5)).until(() -> read(first.stdout()).contains("started"));
    long pid = first.wrapperPid();
    runtime = null; // the agent goes away; the task does not

    ProcessRuntime restarted = runtime();
    List<ProcessTaskHandle> adopted = restarted.adoptAll();

    assertThat(adopted).hasSize(1);
    ProcessTaskHandle h = adopted.get(0);
    assertThat(h.wrapperPid()).isEqualTo(pid);
    assertThat(h.taskId()).isEqualTo(first.taskId());
    assertThat(h.launchedAt()).as("the same start time for both agents").isEqualTo(first.launchedAt());
    assertThat(h.poll()).isEqualTo(new TaskState.Running(pid, first.taskPid().orElseThrow()));
    assertThat(restarted.stop(h, Duration.ofSeconds(2))).isEqualTo(new TaskState.Killed(15));
    assertThat(restarted.adopt(h.sandbox()).orElseThrow().poll()).isEqualTo(new TaskState.Killed(15));
  }

  @Test
  void execRunsACommandInTheSandboxWithTheTasksEnvironmentAndStopsItAtTheTimeout() throws Exception {
    ProcessTaskHandle h = launch("sleep 30", null, null, null);

    ExecResult ok = runtime().exec(h, List.of("sh", "-c", "echo $GREETING $TASK_NAME; test -d .disponent; echo err >&2"),
        Duration.ofSeconds(5));
    ExecResult fails = runtime().exec(h, List.of("sh", "-c", "exit 4"), Duration.ofSeconds(5));
    ExecResult slow = runtime().exec(h, List.of("sh", "-c", "echo started; sleep 30"), Duration.ofMillis(300));

    assertThat(ok).isEqualTo(new ExecResult(0, false, "hi task-0\nerr\n"));
    assertThat(fails.exitCode()).isEqualTo(4);
    assertThat(fails.succeeded()).isFalse();
    assertThat(slow.timedOut()).isTrue();
    assertThat(slow.output()).isEqualTo("started\n");
  }

  @Test
  void marksAndTheFinishTimeLiveInTheSandbox() throws Exception {
    ProcessTaskHandle h = launch("exit 0", null, null, null);
    await().atMost(Duration.ofSeconds(5)).until(() -> runtime().status(h).terminal());

    assertThat(runtime().killedByAgent(h)).isFalse();
    runtime().markKilledByAgent(h);
    assertThat(runtime().adopt(h.sandbox()).map(runtime()::killedByAgent)).contains(true);
    assertThat(runtime().finishedAt(h)).isEqualTo(Files.getLastModifiedTime(h.sandbox().resolve(".disponent/status")).toInstant());
    assertThat(runtime().released(h)).isFalse();
    runtime().release(h.taskId());
    assertThat(runtime().released(h)).isTrue();
    assertThat(runtime().logsLeft("it", "task-0")).contains(LogFiles.inSandbox(h.sandbox()));
  }

  @Test
  void fetchesAndUnpacksArtifacts(@TempDir Path src) throws Exception {
    Path dir = Files.createDirectories(src.resolve("app"));
    Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho from-archive\n");
    dir.resolve("run.sh").toFile().setExecutable(true);
    Path tgz = src.resolve("app.tar.gz");
    assertThat(new ProcessBuilder("tar", "-czf", tgz.toString(), "-C", src.toString(), "app").inheritIO().start().waitFor()).isZero();
    Files.writeString(src.resolve("tool"), "#!/bin/sh\necho from-tool\n");

    ProcessTaskHandle h = launch("./app/run.sh && ./tool", null, null,
        List.of(new Artifact(tgz.toUri().toString(), null, null, null), new Artifact(src.resolve("tool").toUri().toString(), null, true, null)));

    await().atMost(Duration.ofSeconds(5)).until(() -> h.poll().terminal());
    assertThat(h.poll()).isEqualTo(new TaskState.Exited(0));
    assertThat(read(h.stdout())).isEqualTo("from-archive\nfrom-tool\n");
    assertThat(Files.isExecutable(h.sandbox().resolve("tool"))).isTrue();
  }

  @Test
  void aTaskPastItsMemoryLimitIsOomKilled() throws Exception {
    assumeThat(runtime().limits().enforced()).as("cgroup limits: %s", runtime().limits().reason()).isTrue();
    ProcessTaskHandle h = launch(null, List.of("python3", "-c", "a = bytearray(200 * 1024 * 1024); print(len(a))"),
        new Resources("1", "32Mi", null), null);

    await().atMost(Duration.ofSeconds(20)).until(() -> h.poll().terminal());
    assertThat(h.poll()).isEqualTo(new TaskState.OOMKilled(32L << 20));
    await().atMost(Duration.ofSeconds(5)).until(() -> h.cgroup().orElseThrow().dirs().stream().noneMatch(d -> Files.exists(Path.of(d))));
  }

  @Test
  void runsTheTaskAsItsUserInASandboxThatUserOwns(@TempDir Path src) throws Exception {
    assumeThat(UserLookup.agentUid()).as("switching users needs root").isZero();
    long nobody = uidOf("nobody");
    Files.writeString(src.resolve("tool"), "#!/bin/sh\necho from-tool\n");

    ProcessTaskHandle h = launchAs("nobody", "./tool; echo hi $(id -u); echo oops >&2; echo mine > own; sleep 30", null, null,
        List.of(new Artifact(src.resolve("tool").toUri().toString(), null, true, null)));

    await().atMost(Duration.ofSeconds(5)).until(() -> read(h.stdout()).equals("from-tool\nhi " + nobody + "\n"));
    assertThat(read(h.stderr())).isEqualTo("oops\n");
    long taskPid = h.taskPid().orElseThrow();
    assertThat(Files.readAllLines(Path.of("/proc/" + taskPid + "/status"))).filteredOn(l -> l.startsWith("Uid:"))
        .singleElement().asString().matches("Uid:\\s+" + nobody + "\\s+" + nobody + "\\s+" + nobody + "\\s+" + nobody);
    assertThat(h.user()).hasValueSatisfying(u -> assertThat(u.uid()).isEqualTo(nobody));
    for (String owned : List.of("", "stdout", "stderr", "tool", "own")) {
      assertThat(Files.getAttribute(h.sandbox().resolve(owned), "unix:uid")).as(owned).isEqualTo((int) nobody);
    }
    assertThat(Files.getAttribute(h.sandbox().resolve(".disponent"), "unix:uid")).isEqualTo(0);
    assertThat(runtime().adopt(h.sandbox()).orElseThrow().user()).isEqualTo(h.user());

    assertThat(runtime().stop(h, Duration.ofSeconds(2))).isEqualTo(new TaskState.Killed(15));
    assertThat(read(h.sandbox().resolve(".disponent/status"))).isEqualTo("signal 15\n");
  }

  @Test
  void anUnknownUserFailsTheLaunch() {
    TaskLaunchException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        () -> launchAs("no-such-user-here", "echo never", null, null, null), TaskLaunchException.class);
    assertThat(e.reason()).isEqualTo(RunAs.NOT_FOUND);
    assertThat(e.getMessage()).contains("no-such-user-here", "does not exist");
  }

  /** The uid in /etc/passwd, read independently of the runtime's lookup. */
  static long uidOf(String user) throws Exception {
    return Files.readAllLines(Path.of("/etc/passwd")).stream().map(l -> l.split(":"))
        .filter(f -> f[0].equals(user)).mapToLong(f -> Long.parseLong(f[2])).findFirst().orElseThrow();
  }
}
