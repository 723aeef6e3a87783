package io.disponent.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How an {@link ApiClient} talks to the servers.
 *
 * @param servers base URLs, one per control-plane member: the client talks to one and moves to the next
 *     (round-robin) on the failures {@link Failover} names
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout timeout of one non-watch request
 * @param maxAttempts attempts of one call (1 = no retry) for retriable failures
 * @param initialBackoff first retry delay; doubles per attempt up to {@code maxBackoff}
 * @param maxBackoff cap of the retry delay and of an honoured Retry-After
 * @param breakerFailureRate percentage of failed calls (connect errors, 5xx) that opens a member's breaker
 * @param breakerWindow calls in the breaker's sliding window (also the minimum before it judges)
 * @param breakerOpenFor how long an open breaker fails fast before letting half-open probes through
 * @param userAgent sent with every request
 * @param watchIdleTimeout a watch stream with no line (event or bookmark) for this long is taken as a dead member:
 *     closed, and the client moves on (the API server sends a bookmark to an idle watch every 10 s)
 */
public record ClientConfig(
    List<URI> servers,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    float breakerFailureRate,
    int breakerWindow,
    Duration breakerOpenFor,
    String userAgent,
    Duration watchIdleTimeout) {

  public ClientConfig {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("client: at least one server URL is required");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("client: maxAttempts must be at least 1");
    }
  }

  public static ClientConfig defaults(String... urls) {
    return new ClientConfig(
        java.util.Arrays.stream(urls).map(u -> URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u)).toList(),
        Duration.ofSeconds(5), Duration.ofSeconds(30), 5, Duration.ofMillis(100), Duration.ofSeconds(10),
        50f, 10, Duration.ofSeconds(5), "disponent-controllers", Duration.ofSeconds(30));
  }

  public ClientConfig withRetry(int attempts, Duration initial, Duration max) {
    return new ClientConfig(servers, connectTimeout, requestTimeout, attempts, initial, max, breakerFailureRate,
        breakerWindow, breakerOpenFor, userAgent, watchIdleTimeout);
  }

  public ClientConfig withBreaker(float failureRate, int window, Duration openFor) {
    return new ClientConfig(servers, connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff,
        failureRate, window, openFor, userAgent, watchIdleTimeout);
  }

  public ClientConfig withWatchIdleTimeout(Duration idle) {
    return new ClientConfig(servers, connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff,
        breakerFailureRate, breakerWindow, breakerOpenFor, userAgent, idle);
  }

  public ClientConfig withTimeouts(Duration connect, Duration request) {
    return new ClientConfig(servers, connect, request, maxAttempts, initialBackoff, maxBackoff, breakerFailureRate,
        breakerWindow, breakerOpenFor, userAgent, watchIdleTimeout);
  }
}
