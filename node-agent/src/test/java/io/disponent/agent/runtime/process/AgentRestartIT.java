package io.disponent.agent.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.agent.runtime.TaskState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent JVM (in its own process group) launches a task and is killed with SIGKILL sent to
 * its whole process group; the task keeps running and a new runtime adopts it.
 */
class AgentRestartIT {
  @TempDir Path dataDir;

  @Test
  void theTaskOutlivesAKilledAgentAndIsAdopted() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process agent = new ProcessBuilder("setsid", java, "-cp", System.getProperty("java.class.path"),
        AgentStandIn.class.getName(), dataDir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long wrapperPid;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream()))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("WRAPPER "));
      assertThat(line).as("the stand-in agent's report").isNotNull();
      wrapperPid = Long.parseLong(line.substring("WRAPPER ".length()).trim());
    } finally {
      // SIGKILL to the agent's whole process group (setsid made the agent its leader)
      new ProcessBuilder("kill", "-KILL", "--", "-" + agent.pid()).start().waitFor();
      agent.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(agent.isAlive()).isFalse();

    ProcessRuntime runtime = new ProcessRuntime(RuntimeConfig.defaults(dataDir));
    List<ProcessTaskHandle> adopted = runtime.adoptAll();
    assertThat(adopted).hasSize(1);
    ProcessTaskHandle h = adopted.get(0);
    try {
      assertThat(h.wrapperPid()).isEqualTo(wrapperPid);
      assertThat(h.poll()).isInstanceOf(TaskState.Running.class);
    } finally {
      assertThat(runtime.stop(h, Duration.ofSeconds(2))).isEqualTo(new TaskState.Killed(15));
    }
  }
}
