package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.TaskId;
import io.disponent.crds.model.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A stand-in agent for {@link AgentRestartIT}: launches one task, prints its wrapper pid, waits to be killed. */
public final class AgentStandIn {
  private AgentStandIn() {}

  public static void main(String[] args) throws Exception {
    ProcessRuntime runtime = new ProcessRuntime(RuntimeConfig.defaults(Path.of(args[0])));
    TaskSpec spec = new TaskSpec(null, "echo up; sleep 30", null, null, null, null, null, null, null, 1, null, null);
    ProcessTaskHandle h = runtime.launch(new LaunchSpec(new TaskId("it", "orphan", "u1"), spec, Map.of(), "node-a", null, null, null));
    System.out.println("WRAPPER " + h.wrapperPid());
    System.out.flush();
    Thread.sleep(60_000);
  }
}
