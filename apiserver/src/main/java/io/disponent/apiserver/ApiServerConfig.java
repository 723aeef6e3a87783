package io.disponent.apiserver;

import io.disponent.apiserver.internal.cache.WatchCacheConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * How an {@link ApiServer} runs.
 *
 * @param host the address to listen on (127.0.0.1 for the embedded default)
 * @param port 0 for any free port
 * @param storeTimeout how long a request waits for the store
 * @param bookmarkInterval how often an idle watch that allows bookmarks gets one
 * @param maxWatch the longest a watch stays open (open-ended ones end between half and all of it)
 * @param maxThreads request threads; every open watch holds one
 * @param bootstrapCrds whether to create or update Disponent's own CRDs at start
 */
public record ApiServerConfig(
    String host,
    int port,
    Duration storeTimeout,
    WatchCacheConfig watchCache,
    Duration bookmarkInterval,
    Duration maxWatch,
    int maxThreads,
    boolean bootstrapCrds,
    Clock clock) {

  public static ApiServerConfig defaults(String host, int port) {
    return new ApiServerConfig(host, port, Duration.ofSeconds(30), WatchCacheConfig.DEFAULT, Duration.ofSeconds(10),
        Duration.ofMinutes(30), 4096, true, Clock.systemUTC());
  }

  public ApiServerConfig withWatchCache(WatchCacheConfig config) {
    return new ApiServerConfig(host, port, storeTimeout, config, bookmarkInterval, maxWatch, maxThreads, bootstrapCrds,
        clock);
  }

  public ApiServerConfig withBookmarkInterval(Duration interval) {
    return new ApiServerConfig(host, port, storeTimeout, watchCache, interval, maxWatch, maxThreads, bootstrapCrds,
        clock);
  }
}
