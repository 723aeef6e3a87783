package io.disponent.client.runtime;

import java.time.Duration;

/**
 * @param namespace and {@code name}: the Lease
 * @param identity this candidate (unique per process)
 * @param leaseDuration how long others wait, since they last saw the lease change, before taking it
 * @param renewDeadline how long a leader keeps leading without a successful renewal
 * @param retryPeriod how often to try to acquire or renew
 */
public record LeaderElectionConfig(
    String namespace, String name, String identity, Duration leaseDuration, Duration renewDeadline,
    Duration retryPeriod) {

  public LeaderElectionConfig {
    if (renewDeadline.compareTo(leaseDuration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException("runtime: need retryPeriod < renewDeadline < leaseDuration");
    }
  }

  /** Lease 15 s, renew deadline 10 s, retry every 2 s. */
  public static LeaderElectionConfig defaults(String namespace, String name, String identity) {
    return new LeaderElectionConfig(namespace, name, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
