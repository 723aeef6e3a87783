package io.disponent.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.agent.runtime.process.ProcessRuntime;
import io.disponent.agent.runtime.process.RuntimeConfig;
import io.disponent.agent.runtime.process.ProcessTaskHandle;
import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.internal.raft.Replica;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real single-replica store and API server on fixed ports (so that {@link #restart} brings the
 * same URL back on the same data), plus a client for the test's own reads and writes.
 */
final class Cluster implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final int raftPort = freePort();
  private final int apiPort = freePort();
  private Replica replica;
  private ApiServer server;
  final ApiClient client;

  Cluster(Path dir) {
    this.dir = dir;
    startServer();
    client = new ApiClient(ClientConfig.defaults(url()).withRetry(5, Duration.ofMillis(100), Duration.ofSeconds(1)));
  }

  String url() {
    return "http://127.0.0.1:" + apiPort;
  }

  void startServer() {
    try {
      replica = Replica.start(ReplicaConfig.single("127.0.0.1:" + raftPort, dir.resolve("store")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = ApiServer.start(replica.store(), ApiServerConfig.defaults("127.0.0.1", apiPort));
  }

  void stopServer() {
    if (server != null) {
      server.close();
      replica.close();
      server = null;
    }
  }

  void namespace(String name) {
    ObjectNode n = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
    n.putObject("metadata").put("name", name);
    try {
      client.create(Gvr.NAMESPACES, null, n);
    } catch (ConflictException exists) {
      // fine
    }
  }

  JsonNode task(String ns, String name) {
    return client.get(Gvr.TASKS, ns, name);
  }

  /** A Task bound to {@code node} (the test plays the scheduler) running {@code shell}. */
  static ObjectNode taskObject(String ns, String name, String node, String shell) {
    ObjectNode t = JSON.createObjectNode().put("apiVersion", "disponent.io/v1").put("kind", "Task");
    t.putObject("metadata").put("name", name).put("namespace", ns);
    t.putObject("spec").put("shell", shell).put("nodeName", node).put("killGracePeriodSeconds", 2);
    return t;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills every task process left in {@code dataDir} (by the runtime's handles), so that no test leaks one. */
  static void killLeftovers(Path dataDir) throws InterruptedException {
    ProcessRuntime runtime = new ProcessRuntime(RuntimeConfig.defaults(dataDir.toAbsolutePath()));
    for (ProcessTaskHandle h : runtime.adoptAll()) {
      if (!h.poll().terminal()) {
        runtime.stop(h, Duration.ofSeconds(1));
      }
    }
  }

  @Override
  public void close() {
    client.close();
    stopServer();
  }
}
