package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP attempt against the current server, behind the client's circuit breaker: failures become
 * {@link ApiException}s (a 4xx/5xx carries the server's Status), and a connect failure moves on to the
 * next server URL.
 */
final class Transport {

  /** Under ApiClient's name, which logging configurations already address. */
  private static final Logger log = LoggerFactory.getLogger(ApiClient.class);

  private final ClientConfig config;
  private final HttpClient http;
  private final CircuitBreaker breaker;
  /** Index into config.servers of the server currently used; advanced on a connect failure. */
  private final AtomicInteger current = new AtomicInteger();

  Transport(ClientConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout()).build();
    this.breaker = CircuitBreaker.of("api", CircuitBreakerConfig.custom()
        .failureRateThreshold(config.breakerFailureRate())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.breakerWindow())
        .minimumNumberOfCalls(config.breakerWindow())
        .waitDurationInOpenState(config.breakerOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(Retries::serverFault)
        .build());
  }

  CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  URI server() {
    List<URI> servers = config.servers();
    return servers.get(Math.floorMod(current.get(), servers.size()));
  }

  <T> T guarded(String what, Supplier<T> call) {
    try {
      return breaker.executeSupplier(call);
    } catch (CallNotPermittedException e) {
      throw new UnavailableException("CircuitOpen", what + ": circuit open after repeated failures; failing fast", e);
    }
  }

  /** One attempt against the current server; errors become ApiExceptions. */
  HttpResponse<String> send(String what, String method, String path, String contentType, byte[] body) {
    int at = current.get();
    HttpRequest.Builder b = request(path, false);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<String> resp;
    try {
      resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreachable(what, at, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(Retries.INTERRUPTED, what + ": interrupted", e);
    }
    if (resp.statusCode() >= 400) {
      throw error(what, resp.statusCode(), resp.body(), resp.headers().firstValue("Retry-After").orElse(null));
    }
    return resp;
  }

  /** Sends a GET with no request timeout and answers the body stream; errors (including 410) are thrown. */
  InputStream openStream(String what, String path) {
    int at = current.get();
    try {
      HttpResponse<InputStream> resp = http.send(request(path, true).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (resp.statusCode() >= 400) {
        String raw;
        try (InputStream in = resp.body()) {
          raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        throw error(what, resp.statusCode(), raw, resp.headers().firstValue("Retry-After").orElse(null));
      }
      return resp.body();
    } catch (IOException e) {
      throw unreachable(what, at, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(Retries.INTERRUPTED, what + ": interrupted", e);
    }
  }

  private HttpRequest.Builder request(String path, boolean watch) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server() + path))
        .header("Accept", "application/json").header("User-Agent", config.userAgent());
    if (!watch) {
      b.timeout(config.requestTimeout());
    }
    return b;
  }

  private UnavailableException unreachable(String what, int at, IOException e) {
    if (config.servers().size() > 1 && current.compareAndSet(at, at + 1)) {
      log.warn("{}: {} unreachable ({}); failing over to {}", what, config.servers().get(Math.floorMod(at,
          config.servers().size())), e.toString(), server());
    }
    return new UnavailableException("Unavailable", what + ": " + e, e);
  }

  private ApiException error(String what, int code, String raw, String retryAfter) {
    JsonNode body = null;
    try {
      body = raw == null || raw.isEmpty() ? null : ApiClient.JSON.readTree(raw);
    } catch (IOException ignored) {
      // not JSON: Status.from keeps the raw text
    }
    return ApiException.of(what, Status.from(code, body, raw),
        Retries.retryAfter(retryAfter, config.maxBackoff()).orElse(null));
  }
}
