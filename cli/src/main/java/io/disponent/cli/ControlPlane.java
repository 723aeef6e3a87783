package io.disponent.cli;

import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.controllers.ControllerManager;
import io.disponent.controllers.ManagerConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.internal.raft.Replica;
import java.io.IOException;

/**
 * One control-plane member: a store replica, the API server over it, and the controllers (acting
 * only while this member holds the controllers' Lease). Closed in the reverse order.
 */
final class ControlPlane implements AutoCloseable {

  private final Replica replica;
  private final ApiServer server;
  private final ApiClient client;
  private final ControllerManager controllers;

  private ControlPlane(Replica replica, ApiServer server, ApiClient client, ControllerManager controllers) {
    this.replica = replica;
    this.server = server;
    this.client = client;
    this.controllers = controllers;
  }

  static ControlPlane start(ReplicaConfig store, String host, int port) throws IOException {
    return start(store, host, port, true);
  }

  /** With {@code controllers} false, only the store and the API server (no reconciliation at all). */
  static ControlPlane start(ReplicaConfig store, String host, int port, boolean controllers) throws IOException {
    Replica replica = Replica.start(store);
    ApiServer server = null;
    ApiClient client = null;
    try {
      server = ApiServer.start(replica.store(), ApiServerConfig.defaults(host, port));
      client = new ApiClient(ClientConfig.defaults(server.url()));
      ControllerManager manager = controllers ? ControllerManager.start(client,
          ManagerConfig.defaults().withIdentity(store.self().id() + "@" + server.url())) : null;
      return new ControlPlane(replica, server, client, manager);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      if (server != null) {
        server.close();
      }
      replica.close();
      throw e;
    }
  }

  String url() {
    return server.url();
  }

  Replica replica() {
    return replica;
  }

  @Override
  public void close() {
    if (controllers != null) {
      controllers.close();
    }
    client.close();
    server.close();
    replica.close();
  }
}
