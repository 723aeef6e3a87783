package io.disponent.testkit;

import io.disponent.apiserver.ApiServerConfig;
import io.disponent.apiserver.EmbeddedApi;
import io.disponent.client.ApiClient;
import io.disponent.client.ClientConfig;
import io.disponent.store.FreePorts;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The embedded store and API server on fixed loopback ports (so that {@link #startServer} brings the same URL
 * back on the same data), a client for the test's own reads and writes, and what the test {@link #run runs}
 * against it: controllers, hollow agents, informers. {@link #close} stops all of it, last started first.
 */
public final class ControlPlane implements AutoCloseable {
  private final ReplicaConfig store;
  private final ApiServerConfig api;
  private final ApiClient client;
  private final Deque<AutoCloseable> components = new ArrayDeque<>();
  private EmbeddedApi running;

  private ControlPlane(ReplicaConfig store, ApiServerConfig api) {
    this.store = store;
    this.api = api;
    startServer();
    client = new ApiClient(ClientConfig.defaults(url()).withRetry(5, Duration.ofMillis(100), Duration.ofSeconds(1)));
  }

  /** A fresh control plane with its data in {@code dir}. */
  public static ControlPlane start(Path dir) {
    return start(dir, c -> c);
  }

  public static ControlPlane start(Path dir, UnaryOperator<ApiServerConfig> tune) {
    return new ControlPlane(ReplicaConfig.onFreePort(dir.resolve("store")),
        tune.apply(ApiServerConfig.defaults("127.0.0.1", FreePorts.loopback())));
  }

  public String url() {
    return "http://127.0.0.1:" + api.port();
  }

  /** The store under the API server, for what a test checks below the API; null while the server is stopped. */
  public Store store() {
    return running == null ? null : running.store();
  }

  public ApiClient client() {
    return client;
  }

  /** Starts {@code component} against this plane's client; it is closed with the plane. */
  public <T extends AutoCloseable> T run(Function<ApiClient, T> component) {
    T started = component.apply(client);
    synchronized (components) {
      components.push(started);
    }
    return started;
  }

  /** Hollow agents against this plane, closed with it. */
  public HollowAgent hollowAgents(HollowAgent.Config config) {
    return run(c -> HollowAgent.start(c, config, Clock.systemUTC()));
  }

  /** Creates the namespace unless it exists. */
  public void namespace(String name) {
    Namespaces.ensure(client, name);
  }

  /** Starts the store and the API server again on the same ports and data, after {@link #stopServer}. */
  public synchronized void startServer() {
    if (running == null) {
      running = EmbeddedApi.start(store, api);
    }
  }

  /** Stops the API server and the store; clients and components see a server that is down. */
  public synchronized void stopServer() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /** Closes what {@code run} started since {@code mark} (a {@link #mark}), last first. */
  void closeSince(int mark) {
    while (true) {
      AutoCloseable c;
      synchronized (components) {
        if (components.size() <= mark) {
          return;
        }
        c = components.pop();
      }
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("testkit: closing " + c, e);
      }
    }
  }

  /** How many components run now; {@link #closeSince} closes the ones started after. */
  int mark() {
    synchronized (components) {
      return components.size();
    }
  }

  @Override
  public void close() {
    try {
      closeSince(0);
    } finally {
      client.close();
      stopServer();
    }
  }
}
