package io.disponent.controllers.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.Store;
import io.disponent.store.internal.raft.Replica;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A real single-replica store in a temp dir and an API server on a free port (apiserver's ServerFixture). */
final class TestServer implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Replica replica;
  private final ApiServer server;

  private TestServer(Path dir, UnaryOperator<ApiServerConfig> tune) {
    try {
      replica = Replica.start(ReplicaConfig.single("127.0.0.1:" + freePort(), dir.resolve("store")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = ApiServer.start(replica.store(), tune.apply(ApiServerConfig.defaults("127.0.0.1", 0)));
  }

  static TestServer start(Path dir) {
    return new TestServer(dir, c -> c);
  }

  static TestServer start(Path dir, UnaryOperator<ApiServerConfig> tune) {
    return new TestServer(dir, tune);
  }

  Store store() {
    return replica.store();
  }

  String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
    replica.close();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal valid Task in {@code ns}, optionally bound to a node and owned by a Service. */
  static ObjectNode task(String ns, String name, String nodeName) {
    ObjectNode t = JSON.createObjectNode().put("apiVersion", "disponent.io/v1").put("kind", "Task");
    t.putObject("metadata").put("name", name).put("namespace", ns);
    ObjectNode spec = t.putObject("spec").put("shell", "sleep 1");
    if (nodeName != null) {
      spec.put("nodeName", nodeName);
    }
    return t;
  }

  static ObjectNode namespace(String name) {
    ObjectNode n = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
    n.putObject("metadata").put("name", name);
    return n;
  }

  static String rv(JsonNode obj) {
    return obj.path("metadata").path("resourceVersion").asText();
  }
}
