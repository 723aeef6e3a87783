package io.disponent.apiserver;

import io.disponent.store.ReplicaConfig;
import io.disponent.store.Store;
import io.disponent.store.StoreReplica;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A store replica and the API server over it, in this JVM: what {@code disponent up} and {@code server}, the
 * integration tests and the benchmarks embed. Closed server first, then the replica.
 */
public record EmbeddedApi(StoreReplica replica, ApiServer server) implements AutoCloseable {

  /** Returns once the server serves; for one replica, which leads as soon as it starts. */
  public static EmbeddedApi start(ReplicaConfig store, ApiServerConfig api) {
    return start(store, replica -> ApiServer.start(replica.store(), api));
  }

  /**
   * Returns once the server listens; it serves when the replica has a leader, however long the other
   * members take ({@link ApiServer#startWaiting}). For a member of 3 or 5.
   */
  public static EmbeddedApi startWaiting(ReplicaConfig store, ApiServerConfig api) {
    return start(store, replica -> ApiServer.startWaiting(replica.store(), api, replica::hasLeader));
  }

  private static EmbeddedApi start(ReplicaConfig store, Function<StoreReplica, ApiServer> server) {
    StoreReplica replica;
    try {
      replica = StoreReplica.start(store);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new EmbeddedApi(replica, server.apply(replica));
    } catch (RuntimeException e) {
      replica.close();
      throw e;
    }
  }

  /** One replica in {@code dataDir}/store on a free loopback port; the server on loopback, port 0 unless tuned. */
  public static EmbeddedApi onLoopback(Path dataDir, UnaryOperator<ApiServerConfig> tune) {
    return start(ReplicaConfig.onFreePort(dataDir.resolve("store")),
        tune.apply(ApiServerConfig.defaults("127.0.0.1", 0)));
  }

  public static EmbeddedApi onLoopback(Path dataDir) {
    return onLoopback(dataDir, c -> c);
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
}
