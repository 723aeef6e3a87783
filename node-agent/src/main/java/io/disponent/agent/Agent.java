package io.disponent.agent;

import io.disponent.agent.gc.SandboxCollector;
import io.disponent.agent.node.NodeCapacity;
import io.disponent.agent.node.NodeReporter;
import io.disponent.agent.runtime.LimitsSupport;
import io.disponent.agent.runtime.process.ProcessRuntime;
import io.disponent.agent.runtime.process.ProcessTaskHandle;
import io.disponent.agent.runtime.process.RuntimeConfig;
import io.disponent.agent.server.AgentServer;
import io.disponent.agent.tasks.TaskSupervisor;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.crds.model.NodeSpec;
import io.disponent.crds.model.NodeStatus;
import io.disponent.crds.model.ResourceList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node agent: registers the Node, renews its Lease, runs the Tasks bound to it as host processes
 * (re-adopting those of an earlier agent on the same data directory), health-checks them, reports
 * their status and serves their logs. See the module README for the picture.
 *
 * <p>{@link #close()} stops the agent, not the tasks: a next agent on the same data directory adopts them.
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  public static final String VERSION = "0.1.0";

  private final AgentConfig config;
  private final ApiClient client;
  private final TaskSupervisor<?> tasks;
  private final AgentServer server;
  private final NodeReporter reporter;
  private final SandboxCollector collector;
  private final String url;

  private Agent(AgentConfig config, ApiClient client, TaskSupervisor<?> tasks, AgentServer server, NodeReporter reporter,
      SandboxCollector collector, String url) {
    this.config = config;
    this.client = client;
    this.tasks = tasks;
    this.server = server;
    this.reporter = reporter;
    this.collector = collector;
    this.url = url;
  }

  /** Starts every part; returns once the HTTP server listens (registration goes on in the background). */
  public static Agent start(AgentConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("agent: cannot create " + config.dataDir(), e);
    }
    Clock clock = Clock.systemUTC();
    RuntimeConfig rc = RuntimeConfig.defaults(config.dataDir().toAbsolutePath());
    ProcessRuntime runtime = new ProcessRuntime(rc);
    ClientConfig cc = ClientConfig.defaults(config.servers().toArray(String[]::new))
        .withRetry(3, Duration.ofMillis(100), Duration.ofSeconds(1))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
        .withBreaker(50f, 10, Duration.ofSeconds(2));
    ApiClient client = new ApiClient(cc);
    EventRecorder events = new EventRecorder(client, "disponent-agent/" + config.nodeName());
    TaskSupervisor<ProcessTaskHandle> tasks = new TaskSupervisor<>(runtime, client, events, config.nodeName(),
        config.host(), clock);
    AgentServer server = null;
    SandboxCollector collector = null;
    try {
      tasks.start();
      collector = new SandboxCollector(runtime, rc.sandboxRoot(), config.sandboxRetention(), tasks::uidsInUse, clock)
          .start();
      server = AgentServer.start(config.host(), config.httpPort(), tasks::logSource);
      String url = "http://" + config.host() + ":" + server.port();
      NodeStatus status = status(config, runtime.limits(), url);
      NodeReporter reporter = new NodeReporter(client, config.nodeName(), spec(config), () -> status,
          config.leaseDuration(), clock).start();
      LOG.info("agent: node {} serving on {}, capacity {}", config.nodeName(), url, status.capacity());
      return new Agent(config, client, tasks, server, reporter, collector, url);
    } catch (RuntimeException e) {
      if (collector != null) {
        collector.close();
      }
      tasks.close();
      if (server != null) {
        server.close();
      }
      client.close();
      throw e;
    }
  }

  static NodeSpec spec(AgentConfig config) {
    Map<String, String> attrs = new LinkedHashMap<>();
    // Placement's hostname is the node's name: several agents on one machine are several hosts
    // (that is how tests build clusters); an explicit --attribute hostname=... wins.
    attrs.put("hostname", config.nodeName());
    attrs.put("machine", hostname());
    attrs.putAll(config.attributes());
    return new NodeSpec(null, config.host(), attrs, config.portRange());
  }

  static NodeStatus status(AgentConfig config, LimitsSupport limits, String url) {
    long mem = 0;
    try {
      mem = NodeCapacity.memTotalBytes(Files.readString(Path.of("/proc/meminfo"))).orElse(0);
    } catch (IOException e) {
      LOG.warn("agent: cannot read /proc/meminfo: {}", e.toString());
    }
    long disk;
    try {
      disk = Files.getFileStore(config.dataDir()).getTotalSpace();
    } catch (IOException e) {
      disk = 0;
    }
    ResourceList capacity = NodeCapacity.capacity(Runtime.getRuntime().availableProcessors(), mem, disk,
        config.cpus(), config.memory(), config.portRange());
    return new NodeStatus(capacity, capacity, null, VERSION, url, limits.enforced(),
        limits.version() + ": " + limits.reason(), null);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return System.getenv().getOrDefault("HOSTNAME", "localhost");
    }
  }

  /** Where the agent's HTTP server listens ({@code http://host:port}), as reported in Node.status.agentURL. */
  public String url() {
    return url;
  }

  public AgentConfig config() {
    return config;
  }

  /** When the node Lease was last renewed, or null. */
  public Instant leaseRenewedAt() {
    return reporter.renewedAt();
  }

  /** The task supervisor (for tests: which sandboxes it has). */
  public TaskSupervisor<?> tasks() {
    return tasks;
  }

  /** Stops reporting, watching and serving; the tasks keep running. Idempotent. */
  @Override
  public void close() {
    reporter.close();
    collector.close();
    tasks.close();
    server.close();
    client.close();
    LOG.info("agent: node {} stopped (its tasks keep running)", config.nodeName());
  }
}
