package io.disponent.agent.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.process.ProcessRuntime;
import io.disponent.agent.runtime.process.ProcessTaskHandle;
import io.disponent.agent.runtime.process.RuntimeConfig;
import io.disponent.crds.model.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sandboxes of real processes; every task a test launches is killed by its handle. */
class SandboxCollectorIT {
  @TempDir Path dataDir;
  private ProcessRuntime runtime;
  private final List<ProcessTaskHandle> launched = new ArrayList<>();

  private ProcessTaskHandle launch(String name, String shell) throws Exception {
    if (runtime == null) {
      runtime = new ProcessRuntime(RuntimeConfig.defaults(dataDir));
    }
    TaskSpec spec = new TaskSpec(null, shell, null, null, null, null, null, null, null, 1, null, null);
    ProcessTaskHandle h = runtime.launch(new LaunchSpec(new TaskId("gc", name, name + "-uid"), spec, Map.of(), "node-a", null,
        null, null));
    launched.add(h);
    return h;
  }

  private static void release(ProcessTaskHandle h) throws Exception {
    Files.writeString(h.sandbox().resolve(SandboxCollector.RELEASED), "");
  }

  @AfterEach
  void stopAll() throws Exception {
    for (ProcessTaskHandle h : launched) {
      runtime.stop(h, Duration.ofMillis(200));
    }
  }

  @Test
  void removesReleasedEndedSandboxesAndKeepsEveryOther() throws Exception {
    ProcessTaskHandle done = launch("done", "echo bye");
    ProcessTaskHandle doneAgain = launch("done-again", "exit 0");
    ProcessTaskHandle live = launch("live", "sleep 30");
    ProcessTaskHandle releasedButRunning = launch("stray", "sleep 30");
    ProcessTaskHandle supervised = launch("supervised", "exit 3");
    await().atMost(Duration.ofSeconds(5)).until(() -> done.poll().terminal() && doneAgain.poll().terminal()
        && supervised.poll().terminal());
    for (ProcessTaskHandle h : List.of(done, doneAgain, releasedButRunning, supervised)) {
      release(h);
    }
    Path sandboxes = dataDir.resolve("sandboxes");

    SandboxCollector keepsForAnHour = new SandboxCollector(runtime, sandboxes, Duration.ofHours(1),
        () -> Set.of(supervised.taskId().uid()), Clock.systemUTC());
    assertThat(keepsForAnHour.collect()).isEmpty();

    SandboxCollector atOnce = new SandboxCollector(runtime, sandboxes, Duration.ZERO,
        () -> Set.of(supervised.taskId().uid()), Clock.systemUTC());
    assertThat(atOnce.collect()).containsExactlyInAnyOrder(done.sandbox(), doneAgain.sandbox());

    assertThat(done.sandbox()).doesNotExist();
    assertThat(sandboxes.resolve("gc/done")).as("the empty name folder goes too").doesNotExist();
    assertThat(doneAgain.sandbox()).doesNotExist();
    assertThat(live.sandbox().resolve(".disponent/checkpoint.json")).exists();
    assertThat(releasedButRunning.sandbox().resolve(".disponent/checkpoint.json")).exists();
    assertThat(supervised.sandbox().resolve("stdout")).exists();
    assertThat(live.poll().terminal()).isFalse();
    assertThat(releasedButRunning.poll().terminal()).isFalse();
    launched.removeAll(List.of(done, doneAgain));
  }

  @Test
  void runsAtStartAndThenPeriodically() throws Exception {
    ProcessTaskHandle first = launch("first", "exit 0");
    await().atMost(Duration.ofSeconds(5)).until(() -> first.poll().terminal());
    release(first);
    try (SandboxCollector c = new SandboxCollector(runtime, dataDir.resolve("sandboxes"), Duration.ZERO, Set::of,
        Clock.systemUTC()).start()) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(first.sandbox()));

      ProcessTaskHandle second = launch("second", "exit 0");
      await().atMost(Duration.ofSeconds(5)).until(() -> second.poll().terminal());
      assertThat(second.sandbox()).exists();
      release(second);
      await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(second.sandbox()));
    }
    launched.clear();
  }
}
