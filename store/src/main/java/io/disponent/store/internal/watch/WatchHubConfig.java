package io.disponent.store.internal.watch;

/**
 * Limits of a {@link WatchHub}.
 *
 * @param maxPendingEvents events one watcher may have queued and undelivered; past that it is
 *     cancelled with a resume revision
 * @param catchUpBatch events read from the event source at a time by a watcher that starts in the
 *     past; also the usual size of one delivery
 * @param deliveryThreads threads that call every listener of the hub
 */
public record WatchHubConfig(int maxPendingEvents, int catchUpBatch, int deliveryThreads) {

  public static final WatchHubConfig DEFAULT = new WatchHubConfig(10_000, 1000, 2);

  public WatchHubConfig {
    if (maxPendingEvents < 1 || catchUpBatch < 1 || deliveryThreads < 1) {
      throw new IllegalArgumentException("watch hub limits must be positive: " + maxPendingEvents
          + ", " + catchUpBatch + ", " + deliveryThreads);
    }
  }
}
