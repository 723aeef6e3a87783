package io.disponent.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskState;
import io.disponent.agent.runtime.process.ProcessRuntime;
import io.disponent.agent.runtime.process.ProcessTaskHandle;
import io.disponent.agent.runtime.process.RuntimeConfig;
import io.disponent.crds.model.HealthCheck;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.ReadinessCheck;
import io.disponent.crds.model.TaskSpec;
import io.disponent.store.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthCheckerIT {
  @TempDir Path dataDir;

  @Test
  void httpServerTurnsHealthyAndReadyClosedPortTurnsUnhealthy() throws Exception {
    int http = FreePorts.loopback();
    int closed = FreePorts.loopback();
    TaskSpec spec = new TaskSpec(List.of("python3", "-m", "http.server", "$(PORT_WEB)", "--bind", "127.0.0.1"), null, null, null, null,
        List.of(new PortSpec("web", null, null, null), new PortSpec("dead", null, null, null)), null, null, null, 1, null, null);
    TaskId id = new TaskId("it", "web", "u1");
    LaunchSpec launch = new LaunchSpec(id, spec, Map.of("web", http, "dead", closed), "node-a", null, null, null);
    ProcessRuntime runtime = new ProcessRuntime(RuntimeConfig.defaults(dataDir));
    ProcessTaskHandle h = runtime.launch(launch);
    List<HealthEvent> events = new CopyOnWriteArrayList<>();
    try (HealthChecker checker = new HealthChecker(Clock.systemUTC(), events::add)) {
      HealthTarget target = new HealthTarget(id, "127.0.0.1", launch.hostPorts(), (argv, timeout) -> runtime.exec(h, argv, timeout));
      checker.watch(target,
          List.of(new HealthCheck("HTTP", "web", "/", null, 20, 1, 1, 3),
              new HealthCheck("TCP", "dead", null, null, 0, 1, 1, 2),
              new HealthCheck("COMMAND", null, null, List.of("sh", "-c", "test -n \"$PATH\" && test -d .disponent"), 0, 1, 1, 3)),
          List.of(new ReadinessCheck("HTTP", "web", "/", null, 1, 1, List.of(200))),
          Instant.now());

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events)
          .anySatisfy(e -> assertThat(e).extracting(HealthEvent::kind, HealthEvent::checkIndex, HealthEvent::healthy)
              .containsExactly(CheckSpec.Kind.LIVENESS, 0, true))
          .anySatisfy(e -> assertThat(e).extracting(HealthEvent::kind, HealthEvent::checkIndex, HealthEvent::healthy)
              .containsExactly(CheckSpec.Kind.READINESS, 0, true))
          .anySatisfy(e -> assertThat(e).extracting(HealthEvent::kind, HealthEvent::checkIndex, HealthEvent::healthy)
              .containsExactly(CheckSpec.Kind.LIVENESS, 2, true))
          .anySatisfy(e -> assertThat(e).extracting(HealthEvent::kind, HealthEvent::checkIndex, HealthEvent::healthy,
              HealthEvent::consecutiveFailures).containsExactly(CheckSpec.Kind.LIVENESS, 1, false, 2)));
      assertThat(events).noneSatisfy(e -> assertThat(e.checkIndex() == 1 && e.healthy()).isTrue());
      checker.unwatch(id);
      assertThat(checker.verdicts(id)).isEmpty();
    } finally {
      assertThat(runtime.stop(h, Duration.ofSeconds(2))).isInstanceOf(TaskState.Killed.class);
    }
  }

  @Test
  void commandChecksRunAsTheTasksUser() throws Exception {
    assumeThat(ProcessHandle.current().info().user()).as("switching users needs root").contains("root");
    TaskSpec spec = new TaskSpec(List.of("sleep", "30"), null, null, null, null, null, null, null, null, 1, "nobody", null);
    TaskId id = new TaskId("it", "as-nobody", "u2");
    LaunchSpec launch = new LaunchSpec(id, spec, Map.of(), "node-a", null, null, null);
    ProcessRuntime runtime = new ProcessRuntime(RuntimeConfig.defaults(dataDir));
    ProcessTaskHandle h = runtime.launch(launch);
    String nobody = Long.toString(h.user().orElseThrow().uid());
    List<HealthEvent> events = new CopyOnWriteArrayList<>();
    try (HealthChecker checker = new HealthChecker(Clock.systemUTC(), events::add)) {
      HealthTarget target = new HealthTarget(id, "127.0.0.1", Map.of(), (argv, timeout) -> runtime.exec(h, argv, timeout));
      checker.watch(target,
          List.of(new HealthCheck("COMMAND", null, null, List.of("sh", "-c", "test \"$(id -u)\" = " + nobody), 0, 1, 1, 3),
              new HealthCheck("COMMAND", null, null, List.of("sh", "-c", "test \"$(id -u)\" = 0"), 0, 1, 1, 1)),
          List.of(), Instant.now());

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events)
          .anySatisfy(e -> assertThat(e).extracting(HealthEvent::checkIndex, HealthEvent::healthy).containsExactly(0, true))
          .anySatisfy(e -> assertThat(e).extracting(HealthEvent::checkIndex, HealthEvent::healthy).containsExactly(1, false)));
      assertThat(events).noneSatisfy(e -> assertThat(e.checkIndex() == 1 && e.healthy()).isTrue());
    } finally {
      assertThat(runtime.stop(h, Duration.ofSeconds(2))).isInstanceOf(TaskState.Killed.class);
    }
  }
}
