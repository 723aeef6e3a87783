package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic client of the Kubernetes-style API, addressed by {@link Gvr}; objects are Jackson trees.
 *
 * <p>Thread-safe. Every call but {@code watch} is retried (exponential backoff, Retry-After honoured)
 * on connect errors, 429 and 5xx except 501, and goes through one circuit breaker per client: when
 * most recent calls found no healthy server, calls fail fast with {@link UnavailableException}
 * (reason {@code CircuitOpen}) until the breaker lets a probe through. A connect failure moves on
 * to the next server URL (round-robin). Errors are {@link ApiException}s carrying the Status.
 */
public final class ApiClient implements ResourceClient, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ApiClient.class);
  static final ObjectMapper JSON = new ObjectMapper();

  private final ClientConfig config;
  private final HttpClient http;
  private final Retry retry;
  private final CircuitBreaker breaker;
  /** Index into config.servers of the server currently used; advanced on a connect failure. */
  private final AtomicInteger current = new AtomicInteger();
  private final Set<WatchImpl> watches = ConcurrentHashMap.newKeySet();

  public ApiClient(ClientConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout()).build();
    this.retry = Retry.of("api", RetryConfig.<Object>custom()
        .maxAttempts(config.maxAttempts())
        .retryOnException(Retries::retriable)
        .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> delayMillis(attempt, outcome))
        .build());
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

  public ClientConfig config() {
    return config;
  }

  /** The breaker's state (CLOSED, OPEN, HALF_OPEN), for health reporting and tests. */
  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  /** The server currently addressed. */
  public URI server() {
    List<URI> servers = config.servers();
    return servers.get(Math.floorMod(current.get(), servers.size()));
  }

  // ---- reads

  @Override
  public JsonNode get(Gvr gvr, String namespace, String name) {
    return call("get " + gvr.plural() + " " + name, "GET", gvr.objectPath(namespace, name), null, null);
  }

  @Override
  public ObjectList list(Gvr gvr, String namespace, String labelSelector, String fieldSelector) {
    List<JsonNode> items = new ArrayList<>();
    String cont = null;
    String rv;
    do {
      Query q = new Query().add("labelSelector", labelSelector).add("fieldSelector", fieldSelector)
          .add("limit", "500").add("continue", cont);
      JsonNode page = call("list " + gvr.plural(), "GET", gvr.collectionPath(namespace) + q, null, null);
      page.path("items").forEach(items::add);
      rv = page.path("metadata").path("resourceVersion").asText("");
      cont = page.path("metadata").path("continue").asText("");
    } while (!cont.isEmpty());
    return new ObjectList(items, rv);
  }

  // ---- writes

  @Override
  public JsonNode create(Gvr gvr, String namespace, JsonNode object) {
    return call("create " + gvr.plural(), "POST", gvr.collectionPath(namespace), "application/json", object);
  }

  @Override
  public JsonNode update(Gvr gvr, JsonNode object) {
    return call("update " + gvr.plural() + " " + name(object), "PUT", gvr.objectPath(namespace(object), name(object)),
        "application/json", object);
  }

  @Override
  public JsonNode updateStatus(Gvr gvr, JsonNode object) {
    return call("update " + gvr.plural() + "/status " + name(object), "PUT",
        gvr.objectPath(namespace(object), name(object)) + "/status", "application/json", object);
  }

  @Override
  public JsonNode patch(Gvr gvr, String namespace, String name, PatchType type, JsonNode patch) {
    if (type == PatchType.APPLY) {
      throw new IllegalArgumentException("client: use apply() for server-side apply");
    }
    return call("patch " + gvr.plural() + " " + name, "PATCH", gvr.objectPath(namespace, name), type.contentType(),
        patch);
  }

  @Override
  public JsonNode patchStatus(Gvr gvr, String namespace, String name, PatchType type, JsonNode patch) {
    return call("patch " + gvr.plural() + "/status " + name, "PATCH", gvr.objectPath(namespace, name) + "/status",
        type.contentType(), patch);
  }

  @Override
  public JsonNode apply(Gvr gvr, JsonNode object, String fieldManager, boolean force) {
    Query q = new Query().add("fieldManager", fieldManager).add("force", force ? "true" : null);
    return call("apply " + gvr.plural() + " " + name(object), "PATCH",
        gvr.objectPath(namespace(object), name(object)) + q, PatchType.APPLY.contentType(), object);
  }

  @Override
  public JsonNode delete(Gvr gvr, String namespace, String name, DeleteOptions options) {
    ObjectNode body = JSON.createObjectNode().put("kind", "DeleteOptions").put("apiVersion", "v1");
    if (options.propagationPolicy() != null) {
      body.put("propagationPolicy", options.propagationPolicy());
    }
    if (options.uid() != null || options.resourceVersion() != null) {
      ObjectNode pre = body.putObject("preconditions");
      if (options.uid() != null) {
        pre.put("uid", options.uid());
      }
      if (options.resourceVersion() != null) {
        pre.put("resourceVersion", options.resourceVersion());
      }
    }
    return call("delete " + gvr.plural() + " " + name, "DELETE", gvr.objectPath(namespace, name), "application/json",
        body);
  }

  // ---- watch

  /**
   * Streams on a new daemon thread. Not retried: the caller (an Informer) decides, seeing {@link
   * WatchHandler#onClose}. Fails fast while the breaker is open (reported through onClose as well).
   */
  @Override
  public Watch watch(Gvr gvr, String namespace, String labelSelector, String fieldSelector, String resourceVersion,
      WatchHandler handler) {
    Query q = new Query().add("watch", "true").add("allowWatchBookmarks", "true")
        .add("labelSelector", labelSelector).add("fieldSelector", fieldSelector)
        .add("resourceVersion", resourceVersion == null || resourceVersion.isEmpty() ? null : resourceVersion);
    WatchImpl w = new WatchImpl(gvr.collectionPath(namespace) + q, handler, "watch " + gvr.plural());
    watches.add(w);
    w.thread.start();
    return w;
  }

  @Override
  public void close() {
    for (WatchImpl w : List.copyOf(watches)) {
      w.close();
    }
  }

  // ---- plumbing

  private JsonNode call(String what, String method, String path, String contentType, JsonNode body) {
    byte[] bytes = body == null ? null : write(body);
    Supplier<JsonNode> once = () -> guarded(what, () -> parse(send(what, method, path, contentType, bytes)));
    return retry.executeSupplier(once);
  }

  private <T> T guarded(String what, Supplier<T> call) {
    try {
      return breaker.executeSupplier(call);
    } catch (CallNotPermittedException e) {
      throw new UnavailableException("CircuitOpen", what + ": circuit open after repeated failures; failing fast", e);
    }
  }

  private long delayMillis(Integer attempt, Either<Throwable, Object> outcome) {
    if (outcome.isLeft() && outcome.getLeft() instanceof StatusException) {
      var after = ((StatusException) outcome.getLeft()).retryAfter();
      if (after.isPresent()) {
        return after.get().toMillis();
      }
    }
    return Retries.backoff(attempt, config.initialBackoff(), config.maxBackoff()).toMillis();
  }

  private HttpRequest.Builder request(String path, boolean watch) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server() + path))
        .header("Accept", "application/json").header("User-Agent", config.userAgent());
    if (!watch) {
      b.timeout(config.requestTimeout());
    }
    return b;
  }

  /** One attempt against the current server; errors become ApiExceptions. */
  private HttpResponse<String> send(String what, String method, String path, String contentType, byte[] body) {
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
      body = raw == null || raw.isEmpty() ? null : JSON.readTree(raw);
    } catch (IOException ignored) {
      // not JSON: Status.from keeps the raw text
    }
    return ApiException.of(what, Status.from(code, body, raw),
        Retries.retryAfter(retryAfter, config.maxBackoff()).orElse(null));
  }

  private static JsonNode parse(HttpResponse<String> resp) {
    try {
      String b = resp.body();
      return b == null || b.isEmpty() ? JSON.createObjectNode() : JSON.readTree(b);
    } catch (IOException e) {
      throw new StatusException(new Status(resp.statusCode(), "BadResponse", e.getMessage()),
          "client: unreadable response: " + e.getMessage(), null);
    }
  }

  private static byte[] write(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("client: cannot write body: " + e.getMessage(), e);
    }
  }

  static String name(JsonNode obj) {
    String n = obj.path("metadata").path("name").asText("");
    if (n.isEmpty()) {
      throw new IllegalArgumentException("client: the object has no metadata.name");
    }
    return n;
  }

  static String namespace(JsonNode obj) {
    JsonNode ns = obj.path("metadata").path("namespace");
    return ns.isTextual() && !ns.asText().isEmpty() ? ns.asText() : null;
  }

  /** A streaming watch on its own thread; {@code closed} stops it, and the stream is closed to unblock. */
  private final class WatchImpl implements Watch {
    private final String path;
    private final WatchHandler handler;
    private final String what;
    private final Thread thread;
    private volatile boolean closed;
    private volatile InputStream stream;

    WatchImpl(String path, WatchHandler handler, String what) {
      this.path = path;
      this.handler = handler;
      this.what = what;
      this.thread = new Thread(this::run, what);
      this.thread.setDaemon(true);
    }

    private void run() {
      ApiException cause = null;
      try {
        guarded(what, this::open);
        if (!closed) {
          cause = stream();
        }
      } catch (ApiException e) {
        cause = e;
      } catch (RuntimeException e) {
        cause = new UnavailableException("Unavailable", what + ": " + e, e);
      } finally {
        watches.remove(this);
        closeStream();
      }
      if (!closed) {
        handler.onClose(cause);
      }
    }

    /** Sends the request and keeps the body stream; errors (including 410) are thrown. */
    private Void open() {
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
        stream = resp.body();
        if (closed) {
          closeStream();
        }
        return null;
      } catch (IOException e) {
        throw unreachable(what, at, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException(Retries.INTERRUPTED, what + ": interrupted", e);
      }
    }

    /** Reads lines until the end; answers the cause of an abnormal end (null when normal). */
    private ApiException stream() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while (!closed && (line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode ev = JSON.readTree(line);
          String type = ev.path("type").asText();
          if ("ERROR".equals(type)) {
            JsonNode obj = ev.path("object");
            return ApiException.of(what, Status.from(obj.path("code").asInt(500), obj, line), null);
          }
          handler.onEvent(new WatchEvent(type, ev.path("object")));
        }
        return null;
      } catch (IOException e) {
        return closed ? null : new UnavailableException("Unavailable", what + ": stream broken: " + e, e);
      }
    }

    private void closeStream() {
      InputStream s = stream;
      if (s != null) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing to unblock a reader; nothing more to do
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      closeStream();
      if (stream == null) {
        thread.interrupt();
      }
      watches.remove(this);
    }
  }

  /** A query string; null values are left out. */
  private static final class Query {
    private final StringBuilder sb = new StringBuilder();

    Query add(String key, String value) {
      if (value != null && !value.isEmpty()) {
        sb.append(sb.length() == 0 ? '?' : '&').append(key).append('=').append(Gvr.enc(value));
      }
      return this;
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
