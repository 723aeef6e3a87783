package io.disponent.apiserver.it;

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

/** A real single-replica store in a temp dir and an API server on a free port; closed by the test. */
public final class ServerFixture implements AutoCloseable {

  private final Replica replica;
  private final ApiServer server;
  public final Http http;

  private ServerFixture(Path dir, UnaryOperator<ApiServerConfig> tune) {
    try {
      replica = Replica.start(ReplicaConfig.single("127.0.0.1:" + freePort(), dir.resolve("store")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = ApiServer.start(replica.store(), tune.apply(ApiServerConfig.defaults("127.0.0.1", 0)));
    http = new Http(server.url());
  }

  public static ServerFixture start(Path dir) {
    return new ServerFixture(dir, c -> c);
  }

  public static ServerFixture start(Path dir, UnaryOperator<ApiServerConfig> tune) {
    return new ServerFixture(dir, tune);
  }

  public Store store() {
    return replica.store();
  }

  public String url() {
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
}
