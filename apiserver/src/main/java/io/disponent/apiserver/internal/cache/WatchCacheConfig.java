package io.disponent.apiserver.internal.cache;

import java.time.Duration;

/**
 * @param eventWindow how many recent events a cache keeps for watches that resume
 * @param watcherQueue how many undelivered events a watcher may have before it is terminated
 * @param maxWatchers watches per resource before 429
 * @param progressInterval how often an idle store watch reports progress (bounds how long a
 *     consistent read waits on an idle resource)
 * @param freshnessTimeout how long a read waits for the cache to reach a revision
 */
public record WatchCacheConfig(
    int eventWindow, int watcherQueue, int maxWatchers, Duration progressInterval, Duration freshnessTimeout,
    Duration storeTimeout) {

  public static final WatchCacheConfig DEFAULT =
      new WatchCacheConfig(10_000, 10_000, 10_000, Duration.ofMillis(10), Duration.ofSeconds(3), Duration.ofSeconds(30));

  public WatchCacheConfig withEventWindow(int window) {
    return new WatchCacheConfig(window, watcherQueue, maxWatchers, progressInterval, freshnessTimeout, storeTimeout);
  }
}
