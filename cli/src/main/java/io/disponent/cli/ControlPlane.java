package io.disponent.cli;

import io.disponent.apiserver.ApiServerConfig;
import io.disponent.apiserver.EmbeddedApi;
import io.disponent.controllers.ControllerManager;
import io.disponent.controllers.ManagerConfig;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.StoreReplica;

/**
 * One control-plane member: a store replica, the API server over it, and the controllers (acting
 * only while this member holds the controllers' Lease). Closed in the reverse order.
 */
final class ControlPlane implements AutoCloseable {

  private final EmbeddedApi api;
  private final ApiClient client;
  private final ControllerManager controllers;

  private ControlPlane(EmbeddedApi api, ApiClient client, ControllerManager controllers) {
    this.api = api;
    this.client = client;
    this.controllers = controllers;
  }

  static ControlPlane start(ReplicaConfig store, String host, int port) {
    return start(store, host, port, true);
  }

  /** With {@code controllers} false, only the store and the API server (no reconciliation at all). */
  static ControlPlane start(ReplicaConfig store, String host, int port, boolean controllers) {
    EmbeddedApi api = EmbeddedApi.start(store, ApiServerConfig.defaults(host, port));
    ApiClient client = null;
    try {
      client = new ApiClient(ClientConfig.defaults(api.url()));
      ControllerManager manager = controllers ? ControllerManager.start(client,
          ManagerConfig.defaults().withIdentity(store.self().id() + "@" + api.url())) : null;
      return new ControlPlane(api, client, manager);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      api.close();
      throw e;
    }
  }

  String url() {
    return api.url();
  }

  StoreReplica replica() {
    return api.replica();
  }

  @Override
  public void close() {
    if (controllers != null) {
      controllers.close();
    }
    client.close();
    api.close();
  }
}
