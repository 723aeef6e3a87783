package io.disponent.cli;

import io.disponent.apiserver.ApiServerConfig;
import io.disponent.apiserver.EmbeddedApi;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.controllers.ControllerManager;
import io.disponent.controllers.ManagerConfig;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.StoreReplica;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control-plane member: a store replica, the API server over it, and the controllers (acting
 * only while this member holds the controllers' Lease). Closed in the reverse order.
 */
final class ControlPlane implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);

  private final EmbeddedApi api;
  private final ApiClient client;
  /** Guarded by this; null until started (or when not wanted). */
  private ControllerManager controllers;
  private boolean closed;

  private ControlPlane(EmbeddedApi api, ApiClient client) {
    this.api = api;
    this.client = client;
  }

  /**
   * A member alone in its store (what {@code up} runs): returns once it serves. With {@code controllers} false,
   * only the store and the API server (no reconciliation at all).
   */
  static ControlPlane start(ReplicaConfig store, String host, int port, boolean controllers) {
    ControlPlane plane = open(EmbeddedApi.start(store, ApiServerConfig.defaults(host, port)));
    if (controllers) {
      try {
        plane.startControllers();
      } catch (RuntimeException e) {
        plane.close();
        throw e;
      }
    }
    return plane;
  }

  /**
   * A member of 1, 3 or 5 (what {@code server} runs): returns once the API server listens. It serves, and
   * starts its controllers, when its replica has a leader; until then it waits (see {@link #serving}).
   */
  static ControlPlane startMember(ReplicaConfig store, String host, int port) {
    ControlPlane plane = open(EmbeddedApi.startWaiting(store, ApiServerConfig.defaults(host, port)));
    plane.serving().thenRun(() -> {
      try {
        plane.startControllers();
      } catch (RuntimeException e) {
        log.error("control plane: the controllers did not start", e);
      }
    });
    return plane;
  }

  private static ControlPlane open(EmbeddedApi api) {
    try {
      return new ControlPlane(api, new ApiClient(ClientConfig.defaults(api.url())));
    } catch (RuntimeException e) {
      api.close();
      throw e;
    }
  }

  private synchronized void startControllers() {
    if (!closed) {
      controllers = ControllerManager.start(client,
          ManagerConfig.defaults().withIdentity(api.replica().self().id() + "@" + api.url()));
    }
  }

  /** Completes when the API server serves; cancelled if it is closed first. */
  CompletableFuture<Void> serving() {
    return api.server().serving();
  }

  String url() {
    return api.url();
  }

  StoreReplica replica() {
    return api.replica();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (controllers != null) {
        controllers.close();
      }
    }
    client.close();
    api.close();
  }
}
