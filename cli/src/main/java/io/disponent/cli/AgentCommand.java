package io.disponent.cli;

import io.disponent.agent.Agent;
import io.disponent.agent.AgentConfig;
import io.disponent.crds.model.PortRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a node agent until SIGTERM; its tasks keep running after it stops. */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Run the node agent of this machine until SIGTERM (tasks survive it).")
final class AgentCommand implements Callable<Integer> {
  @Option(names = "--server", required = true, split = ",", paramLabel = "URL[,URL...]", description = "API server "
      + "URL, or every control-plane member's, comma-separated: the agent talks to the first and fails over to the "
      + "next on connection errors, timeouts and 503.")
  String[] servers;

  @Option(names = "--name", required = true, description = "The Node name of this machine.")
  String name;

  @Option(names = "--data-dir", required = true, description = "Where sandboxes live.")
  Path dataDir;

  @Option(names = "--cpus", description = "CPUs offered (e.g. 2 or 1500m); default: detected.")
  String cpus;

  @Option(names = "--memory", description = "Memory offered (e.g. 4Gi); default: MemTotal.")
  String memory;

  @Option(names = "--attribute", description = "A node attribute k=v (repeatable).")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Option(names = "--host", description = "Address the agent listens on and advertises (default 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "HTTP port of the log server (default: any free one).")
  int port;

  @Option(names = "--port-range", description = "Host ports for tasks, BEGIN-END (default 31000-32000).")
  String portRange = "31000-32000";

  @Option(names = "--lease-seconds", description = "Node lease duration (default 15).")
  int leaseSeconds = 15;

  @Option(names = "--sandbox-retention", converter = DurationFlag.class, description = "How long the sandbox of a"
      + " task the agent is done with stays on disk (its logs stay readable): 90s, 30m, 1h, 7d, ... (default 1h;"
      + " 0 removes it at once).")
  Duration sandboxRetention = AgentConfig.DEFAULT_SANDBOX_RETENTION;

  @Override
  public Integer call() throws Exception {
    String[] range = portRange.split("-");
    if (range.length != 2) {
      throw new IllegalArgumentException("--port-range must be BEGIN-END, not " + portRange);
    }
    AgentConfig config = new AgentConfig(Arrays.asList(servers), name, dataDir, cpus, memory, attributes, host, port,
        Duration.ofSeconds(leaseSeconds), new PortRange(Integer.parseInt(range[0].trim()), Integer.parseInt(range[1].trim())),
        sandboxRetention);
    Agent agent = Agent.start(config);
    CleanStop.onStop("agent-shutdown", agent::close);
    System.out.println("agent " + name + " serving on " + agent.url() + " (data in " + dataDir + ")");
    return CleanStop.awaitStop();
  }
}
