package io.disponent.controllers;

import io.disponent.client.ApiClient;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.LeaderCallbacks;
import io.disponent.client.runtime.LeaderElectionConfig;
import io.disponent.client.runtime.LeaderElector;
import io.disponent.controllers.reconcile.Caches;
import io.disponent.controllers.reconcile.Json;
import io.disponent.controllers.reconcile.gc.GarbageCollector;
import io.disponent.controllers.reconcile.node.NodeLifecycleController;
import io.disponent.controllers.reconcile.scheduler.SchedulerController;
import io.disponent.controllers.reconcile.service.ServiceController;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduler, service, node lifecycle and garbage collection controllers, with their shared informers,
 * only while this process holds the leader Lease (or always, without leader election). Losing the Lease stops
 * them at once; winning it again starts fresh informers and queues. Thread-safe; {@link #close()} stops all.
 */
public final class ControllerManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);

  private final ApiClient client;
  private final ManagerConfig config;
  private final LeaderElector elector;
  private Caches caches;
  private final List<Controller> running = new ArrayList<>();
  private boolean closed;

  private ControllerManager(ApiClient client, ManagerConfig config) {
    this.client = client;
    this.config = config;
    ensureNamespace(client, config.leaseNamespace());
    if (config.leaderElection()) {
      elector = new LeaderElector(client, LeaderElectionConfig.defaults(config.leaseNamespace(), config.leaseName(),
          config.identity()), new LeaderCallbacks() {
            @Override
            public void onStartedLeading() {
              startControllers();
            }

            @Override
            public void onStoppedLeading() {
              stopControllers();
            }
          }, config.clock());
    } else {
      elector = null;
    }
  }

  /** Starts the manager: campaigns for the Lease, or starts the controllers at once. */
  public static ControllerManager start(ApiClient client, ManagerConfig config) {
    ControllerManager m = new ControllerManager(client, config);
    if (m.elector != null) {
      m.elector.start();
    } else {
      m.startControllers();
    }
    return m;
  }

  /** Whether the controllers run in this process now. */
  public synchronized boolean active() {
    return !running.isEmpty();
  }

  /** Creates {@code namespace} if absent. */
  public static void ensureNamespace(ApiClient client, String namespace) {
    try {
      client.create(Gvr.NAMESPACES, null, Json.object().put("apiVersion", "v1").put("kind", "Namespace")
          .set("metadata", Json.object().put("name", namespace)));
    } catch (ConflictException e) {
      // exists
    }
  }

  private synchronized void startControllers() {
    if (closed || !running.isEmpty()) {
      return;
    }
    log.info("controllers: {} starts the controllers", config.identity());
    caches = new Caches(client, config.leaseNamespace());
    EventRecorder events = new EventRecorder(client, "disponent-controllers", config.clock(), 4096);
    running.add(new SchedulerController(client, caches, events, config.clock()).controller(1));
    running.add(new ServiceController(client, caches, events, config.clock()).controller(config.serviceWorkers()));
    running.add(new NodeLifecycleController(client, caches, events, config.clock(), config.leaseNamespace())
        .controller(config.nodeWorkers()));
    running.add(new GarbageCollector(client, events).controller(config.gcWorkers()));
    running.forEach(Controller::start);
    caches.start();
  }

  private synchronized void stopControllers() {
    if (running.isEmpty()) {
      return;
    }
    log.info("controllers: {} stops the controllers", config.identity());
    running.forEach(Controller::close);
    running.clear();
    caches.close();
    caches = null;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    if (elector != null) {
      elector.close();
    }
    stopControllers();
  }
}
