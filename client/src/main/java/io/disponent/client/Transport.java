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
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP attempt against the current member, behind that member's circuit breaker: failures become
 * {@link ApiException}s (a 4xx/5xx carries the server's Status), and a failure that {@link Failover#movesOn}
 * makes every later attempt of this client address the next member.
 */
final class Transport {

  /** Under ApiClient's name, which logging configurations already address. */
  private static final Logger log = LoggerFactory.getLogger(ApiClient.class);

  private final ClientConfig config;
  private final HttpClient http;
  /** One per member, in the order of config.servers: a dead member's failures do not trip the others'. */
  private final List<CircuitBreaker> breakers;
  /** Index into config.servers of the member addressed now. */
  private final AtomicInteger current = new AtomicInteger();

  Transport(ClientConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout()).build();
    CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
        .failureRateThreshold(config.breakerFailureRate())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.breakerWindow())
        .minimumNumberOfCalls(config.breakerWindow())
        .waitDurationInOpenState(config.breakerOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(Retries::serverFault)
        .build();
    this.breakers = IntStream.range(0, config.servers().size())
        .mapToObj(i -> CircuitBreaker.of("api-" + i, breaker)).toList();
  }

  /** The state of the current member's breaker. */
  CircuitBreaker.State breakerState() {
    return breakers.get(current.get()).getState();
  }

  int members() {
    return config.servers().size();
  }

  /** The member addressed now; pass it back to {@link #openStream} and {@link #failed}. */
  int member() {
    return current.get();
  }

  URI server() {
    return config.servers().get(current.get());
  }

  /** One attempt against the current member, through its breaker; errors become ApiExceptions. */
  HttpResponse<String> send(String what, String method, String path, String contentType, byte[] body) {
    int at = current.get();
    return guarded(what, at, () -> {
      HttpRequest.Builder b = request(at, path, false);
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<String> resp;
      try {
        resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UnavailableException("Unavailable", what + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException(Retries.INTERRUPTED, what + ": interrupted", e);
      }
      if (resp.statusCode() >= 400) {
        throw error(what, resp.statusCode(), resp.body(), resp.headers().firstValue("Retry-After").orElse(null));
      }
      return resp;
    });
  }

  /**
   * Sends a GET to member {@code at} with no request timeout and answers the body stream, through that member's
   * breaker; errors (including 410) are thrown.
   */
  InputStream openStream(String what, String path, int at) {
    return guarded(what, at, () -> {
      try {
        HttpResponse<InputStream> resp = http.send(request(at, path, true).GET().build(),
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
        throw new UnavailableException("Unavailable", what + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException(Retries.INTERRUPTED, what + ": interrupted", e);
      }
    });
  }

  /** Moves this client off member {@code at} when the failure calls for it (and nobody moved it already). */
  void failed(String what, int at, ApiException e) {
    if (Failover.movesOn(Failure.of(e), members()) && current.compareAndSet(at, Failover.next(at, members()))) {
      log.warn("{}: {} failed ({}); failing over to {}", what, config.servers().get(at), e.getMessage(), server());
    }
  }

  private <T> T guarded(String what, int at, Supplier<T> call) {
    try {
      return breakers.get(at).executeSupplier(call);
    } catch (CallNotPermittedException e) {
      UnavailableException open = new UnavailableException(Retries.CIRCUIT_OPEN, what + ": circuit open after "
          + "repeated failures of " + config.servers().get(at) + "; failing fast", e);
      failed(what, at, open);
      throw open;
    } catch (ApiException e) {
      failed(what, at, e);
      throw e;
    }
  }

  private HttpRequest.Builder request(int at, String path, boolean watch) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.servers().get(at) + path))
        .header("Accept", "application/json").header("User-Agent", config.userAgent());
    if (!watch) {
      b.timeout(config.requestTimeout());
    }
    return b;
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
