package io.disponent.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.crds.model.EnvVar;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEnvironmentTest {
  private static final TaskId ID = new TaskId("shop", "web-1", "u-1");

  static TaskSpec spec(List<String> command, String shell, List<PortSpec> ports, List<EnvVar> env) {
    return new TaskSpec(command, shell, null, env, null, ports, null, null, null, null, null, null);
  }

  @Test
  void setsPortsNamesSandboxAndSpecEnv() {
    TaskSpec spec = spec(List.of("app"), null,
        List.of(new PortSpec("http", null, null, null), new PortSpec("admin-api", null, null, 9001)),
        List.of(new EnvVar("URL", "http://$(HOST):$(PORT_HTTP)/"), new EnvVar("PATH", "/opt/bin")));
    LaunchSpec launch = new LaunchSpec(ID, spec, Map.of("http", 31000), "node-a", "10.0.0.5", "web", null);

    Map<String, String> env = TaskEnvironment.build(launch, Path.of("/data/sb"), Map.of("PATH", "/usr/bin", "LANG", "C"));

    assertThat(env).containsEntry("PORT0", "31000").containsEntry("PORT", "31000").containsEntry("PORT_HTTP", "31000")
        .containsEntry("PORT1", "9001").containsEntry("PORT_ADMIN_API", "9001")
        .containsEntry("HOST", "10.0.0.5").containsEntry("NODE_NAME", "node-a").containsEntry("SERVICE_NAME", "web")
        .containsEntry("TASK_NAME", "web-1").containsEntry("TASK_NAMESPACE", "shop").containsEntry("TASK_UID", "u-1")
        .containsEntry("SANDBOX", "/data/sb").containsEntry("LANG", "C")
        .containsEntry("URL", "http://10.0.0.5:31000/").containsEntry("PATH", "/opt/bin");
  }

  @Test
  void hostDefaultsToLoopbackAndServiceIsOptional() {
    LaunchSpec launch = new LaunchSpec(ID, spec(List.of("x"), null, null, null), null, "n", null, null, null);
    Map<String, String> env = TaskEnvironment.build(launch, Path.of("/sb"), Map.of());
    assertThat(env).containsEntry("HOST", "127.0.0.1").doesNotContainKey("SERVICE_NAME").doesNotContainKey("PORT0");
  }

  @Test
  void aPortWithoutHostPortIsRefused() {
    LaunchSpec launch = new LaunchSpec(ID, spec(List.of("x"), null, List.of(new PortSpec("http", null, null, null)), null),
        Map.of(), "n", null, null, null);
    assertThatThrownBy(() -> TaskEnvironment.build(launch, Path.of("/sb"), Map.of()))
        .hasMessageContaining("no host port");
  }

  @Test
  void commandIsExpandedShellIsNot() {
    Map<String, String> env = Map.of("PORT0", "31000");
    assertThat(TaskEnvironment.argv(spec(List.of("server", "--port=$(PORT0)", "$$(PORT0)"), null, null, null), env))
        .containsExactly("server", "--port=31000", "$(PORT0)");
    assertThat(TaskEnvironment.argv(spec(null, "echo $(date) $PORT0", null, null), env))
        .containsExactly("/bin/sh", "-c", "echo $(date) $PORT0");
  }

  @Test
  void needsExactlyOneOfCommandAndShell() {
    assertThatThrownBy(() -> TaskEnvironment.argv(spec(null, null, null, null), Map.of()))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> TaskEnvironment.argv(spec(List.of("a"), "b", null, null), Map.of()))
        .hasMessageContaining("exactly one");
  }
}
