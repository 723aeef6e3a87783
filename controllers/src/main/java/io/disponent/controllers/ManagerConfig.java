package io.disponent.controllers;

import java.time.Clock;
import java.util.UUID;

/**
 * How a {@link ControllerManager} runs.
 *
 * @param identity this candidate's identity for leader election (unique per process)
 * @param leaderElection false to run the controllers at once, without a Lease (tests, a single process)
 * @param leaseNamespace namespace of the leader Lease and of the node Leases ({@code disponent-system})
 * @param leaseName the leader Lease ({@code disponent-controllers})
 * @param serviceWorkers workers of the service controller (the scheduler always uses one, batching)
 * @param nodeWorkers workers of the node lifecycle controller
 * @param gcWorkers workers of the garbage collector (each mostly waits on a delete or patch)
 * @param clock time for planners, conditions and events
 */
public record ManagerConfig(String identity, boolean leaderElection, String leaseNamespace, String leaseName,
    int serviceWorkers, int nodeWorkers, int gcWorkers, Clock clock) {

  public static final String SYSTEM_NAMESPACE = "disponent-system";

  /** Leader election on {@code disponent-system/disponent-controllers}, 2 service and node workers, 4 GC workers. */
  public static ManagerConfig defaults() {
    return new ManagerConfig("controllers-" + UUID.randomUUID().toString().substring(0, 8), true, SYSTEM_NAMESPACE,
        "disponent-controllers", 2, 2, 4, Clock.systemUTC());
  }

  public ManagerConfig withoutLeaderElection() {
    return new ManagerConfig(identity, false, leaseNamespace, leaseName, serviceWorkers, nodeWorkers, gcWorkers, clock);
  }

  public ManagerConfig withIdentity(String id) {
    return new ManagerConfig(id, leaderElection, leaseNamespace, leaseName, serviceWorkers, nodeWorkers, gcWorkers, clock);
  }

  public ManagerConfig withGcWorkers(int n) {
    return new ManagerConfig(identity, leaderElection, leaseNamespace, leaseName, serviceWorkers, nodeWorkers, n, clock);
  }
}
