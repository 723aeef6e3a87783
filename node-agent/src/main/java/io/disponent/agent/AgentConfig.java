package io.disponent.agent;

import io.disponent.crds.model.PortRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of an {@link Agent}.
 *
 * @param servers API server base URLs (tried round-robin)
 * @param nodeName the Node this agent registers and runs tasks for
 * @param dataDir sandboxes live under {@code <dataDir>/sandboxes}
 * @param cpus overrides the detected CPUs (a quantity such as {@code 2} or {@code 1500m}); null detects
 * @param memory overrides the detected memory ({@code 4Gi}); null detects
 * @param attributes node attributes for placement constraints ({@code hostname} is added)
 * @param host the address the agent's HTTP server listens on and advertises (127.0.0.1)
 * @param httpPort the HTTP port of the log server; 0 picks a free one
 * @param leaseDuration the node Lease's duration; renewed every third of it
 * @param portRange the host ports tasks on this node may get
 * @param sandboxRetention how long a released sandbox (its task is gone) stays on disk; 0 removes it at once
 */
public record AgentConfig(
    List<String> servers,
    String nodeName,
    Path dataDir,
    String cpus,
    String memory,
    Map<String, String> attributes,
    String host,
    int httpPort,
    Duration leaseDuration,
    PortRange portRange,
    Duration sandboxRetention) {
  public static final Duration DEFAULT_SANDBOX_RETENTION = Duration.ofHours(1);

  public AgentConfig {
    servers = List.copyOf(servers);
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(dataDir, "dataDir");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    host = host == null ? "127.0.0.1" : host;
    leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
    portRange = portRange == null ? new PortRange(31000, 32000) : portRange;
    sandboxRetention = sandboxRetention == null ? DEFAULT_SANDBOX_RETENTION : sandboxRetention;
    if (sandboxRetention.isNegative()) {
      throw new IllegalArgumentException("agent: the sandbox retention cannot be negative: " + sandboxRetention);
    }
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("agent: at least one server URL is required");
    }
  }

  /** The defaults for everything but the servers, the node name and the data directory. */
  public static AgentConfig of(List<String> servers, String nodeName, Path dataDir) {
    return new AgentConfig(servers, nodeName, dataDir, null, null, Map.of(), "127.0.0.1", 0,
        Duration.ofSeconds(15), new PortRange(31000, 32000), DEFAULT_SANDBOX_RETENTION);
  }

  public AgentConfig withLeaseDuration(Duration d) {
    return new AgentConfig(servers, nodeName, dataDir, cpus, memory, attributes, host, httpPort, d, portRange,
        sandboxRetention);
  }

  public AgentConfig withHttpPort(int port) {
    return new AgentConfig(servers, nodeName, dataDir, cpus, memory, attributes, host, port, leaseDuration, portRange,
        sandboxRetention);
  }

  public AgentConfig withSandboxRetention(Duration d) {
    return new AgentConfig(servers, nodeName, dataDir, cpus, memory, attributes, host, httpPort, leaseDuration,
        portRange, d);
  }
}
