package io.disponent.cli;

import io.disponent.agent.Agent;
import io.disponent.agent.AgentConfig;
import io.disponent.store.ReplicaConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded default on this machine until interrupted. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run Disponent on this machine: one store replica, the API server, the controllers and a local"
        + " agent with resources detected from the machine.")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--data-dir", description = "Where state lives (default: ~/.disponent).")
  Path dataDir = Path.of(System.getProperty("user.home"), ".disponent");

  @Option(names = "--store-port", description = "The store replica's Raft port on 127.0.0.1 (default: 2380).")
  int storePort = 2380;

  @Option(names = "--port", description = "The API server's port on 127.0.0.1 (default: 7080).")
  int port = 7080;

  @Option(names = "--node-name", description = "The local agent's Node name (default: this machine's hostname).")
  String nodeName;

  @Option(names = "--no-agent", description = "Run no local agent (control plane only).")
  boolean noAgent;

  @Option(names = "--api-only", description = "Run only the store and the API server: no controllers, no agent"
      + " (to run them elsewhere, or to exercise the API alone).")
  boolean apiOnly;

  @Override
  public Integer call() throws Exception {
    String address = "127.0.0.1:" + storePort;
    ControlPlane plane = ControlPlane.start(ReplicaConfig.single(address, dataDir.resolve("store")), "127.0.0.1", port,
        !apiOnly);
    Agent agent = null;
    if (!noAgent && !apiOnly) {
      try {
        String node = nodeName != null ? nodeName : InetAddress.getLocalHost().getHostName().toLowerCase();
        agent = Agent.start(AgentConfig.of(List.of(plane.url()), node, dataDir.resolve("agent")));
      } catch (RuntimeException e) {
        plane.close();
        throw e;
      }
    }
    Agent localAgent = agent;
    CleanStop.onStop("disponent-shutdown", () -> {
      System.out.println("stopping (tasks keep running; `up` again re-adopts them)");
      if (localAgent != null) {
        localAgent.close();
      }
      plane.close();
    });
    Path kubeconfig = Kubeconfig.write(dataDir, plane.url());
    var status = plane.replica().store().status().get();
    System.out.printf("disponent is up: API at %s, store replica %s at %s (revision %d), data in %s%n",
        plane.url(), status.memberId(), address, status.revision(), dataDir);
    if (localAgent != null) {
      System.out.printf("local agent: node %s, logs served at %s%n", localAgent.config().nodeName(), localAgent.url());
    }
    System.out.printf("export KUBECONFIG=%s%n", kubeconfig);
    System.out.println("Press Ctrl-C to stop.");
    System.out.flush();
    return CleanStop.awaitStop();
  }
}
