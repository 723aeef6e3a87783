package io.disponent.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskState;
import io.disponent.agent.runtime.UnixUser;
import io.disponent.crds.model.Artifact;
import io.disponent.crds.model.EnvVar;
import io.disponent.crds.model.HealthCheck;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.Resources;
import io.disponent.crds.model.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  static Checkpoint sample() {
    TaskSpec spec = new TaskSpec(List.of("server", "$(PORT0)"), null, null, List.of(new EnvVar("A", "b")),
        new Resources("500m", "64Mi", null), List.of(new PortSpec("http", "TCP", null, null)),
        List.of(new HealthCheck("HTTP", "http", "/health", null, 10, 5, 2, 3)), null,
        List.of(new Artifact("file:///tmp/app.tgz", true, false, null)), 7, null, "node-a");
    LaunchSpec launch = new LaunchSpec(new TaskId("ns", "t", "u"), spec, Map.of("http", 31000), "node-a", null, "svc",
        Path.of("/var/lib/disponent/sandboxes"));
    return new Checkpoint(1, launch, "/var/lib/disponent/sandboxes/ns/t/u", 4242, 987654,
        new TaskCgroup("v1", List.of("/sys/fs/cgroup/memory/disponent/x", "/sys/fs/cgroup/cpu/disponent/x"), 67108864),
        "2026-01-01T00:00:00Z", new UnixUser("nobody", 65534, 65534, List.of(65534L)));
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    Checkpoint c = sample();
    assertThat(Checkpoint.fromJson(Checkpoint.toJson(c))).isEqualTo(c);
  }

  @Test
  void writesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
    Checkpoint c = sample();
    c.write(dir);
    c.withWrapper(99, 100).write(dir);
    assertThat(Checkpoint.read(dir)).isEqualTo(c.withWrapper(99, 100));
    assertThat(dir.resolve("checkpoint.json.tmp")).doesNotExist();
  }

  @Test
  void readsUnknownFieldsAndNoCgroupNorUser() throws Exception {
    String json = Checkpoint.toJson(new Checkpoint(1, sample().launch(), "/sb", 1, 2, null, "t", null))
        .replaceFirst("\\{", "{\"future\":1,");
    assertThat(Checkpoint.fromJson(json).cgroup()).isNull();
    assertThat(Checkpoint.fromJson(json).runAs()).isNull();
  }

  @Test
  void parsesTheWrapperStatus() {
    assertThat(ExitRecord.parse("exit 3\n")).contains(new TaskState.Exited(3));
    assertThat(ExitRecord.parse("exit 137")).contains(new TaskState.Exited(137));
    assertThat(ExitRecord.parse("signal 9")).contains(new TaskState.Killed(9));
    assertThat(ExitRecord.parse("")).isEqualTo(Optional.empty());
    assertThat(ExitRecord.parse("exit x")).isEmpty();
    assertThat(ExitRecord.parse("odd 1")).isEmpty();
  }

  @Test
  void cgroupNamesAreSafe() {
    assertThat(ProcessRuntime.cgroupName(new TaskId("ns", "web-1", "a/b c"))).isEqualTo("ns.web-1.a_b_c");
  }
}
