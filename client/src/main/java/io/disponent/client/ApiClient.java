package io.disponent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.runtime.DaemonThreads;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A generic client of the Kubernetes-style API, addressed by {@link Gvr}; objects are Jackson trees.
 *
 * <p>Thread-safe. The client addresses one member of {@link ClientConfig#servers} at a time and moves on to the
 * next (round-robin) on a connect failure, a reset or timeout, a 503 or that member's open circuit breaker; which
 * failures retry which calls is {@link Failover}'s table: reads (GET, LIST) are retried after any failure but a
 * client error, writes only when they never reached a server or were refused with 503 or 429. A retry on a member
 * not yet tried in the call goes at once; else it waits the Retry-After (capped) or the exponential backoff. Each
 * member has its own circuit breaker: when most recent calls to it failed, calls to it fail fast with
 * {@link UnavailableException} (reason {@code CircuitOpen}) until the breaker lets a probe through. Errors are
 * {@link ApiException}s carrying the Status.
 */
public final class ApiClient implements ResourceClient, AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ClientConfig config;
  private final Transport transport;
  /** For GET and LIST, which may be sent again after any failure. */
  private final Retry reads;
  /** For writes, which may not be sent again once a server may have applied them. */
  private final Retry writes;
  private final Set<HttpWatch> watches = ConcurrentHashMap.newKeySet();
  /** Expires silent watches; guarded by this, started with the first watch, stopped by close. */
  private ScheduledExecutorService idleCheck;

  public ApiClient(ClientConfig config) {
    this.config = config;
    this.transport = new Transport(config);
    this.reads = retry("api-reads", true);
    this.writes = retry("api-writes", false);
  }

  public ClientConfig config() {
    return config;
  }

  /** The state (CLOSED, OPEN, HALF_OPEN) of the breaker of the member addressed now, for health and tests. */
  public CircuitBreaker.State breakerState() {
    return transport.breakerState();
  }

  /** The member addressed now. */
  public URI server() {
    return transport.server();
  }

  // ---- reads

  @Override
  public JsonNode get(Gvr gvr, String namespace, String name) {
    return call("get " + gvr.plural() + " " + name, "GET", gvr.objectPath(namespace, name), null, null);
  }

  /** A GET of a discovery document ({@code /api}, {@code /apis}, {@code /apis/{group}/{version}}). */
  public JsonNode discover(String path) {
    return call("discover " + path, "GET", path, null, null);
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
   * WatchHandler#onClose}. Fails fast while the member's breaker is open (reported through onClose as well). A
   * stream silent for {@link ClientConfig#watchIdleTimeout} ends as an {@link UnavailableException} and moves the
   * client to the next member.
   */
  @Override
  public Watch watch(Gvr gvr, String namespace, String labelSelector, String fieldSelector, String resourceVersion,
      WatchHandler handler) {
    Query q = new Query().add("watch", "true").add("allowWatchBookmarks", "true")
        .add("labelSelector", labelSelector).add("fieldSelector", fieldSelector)
        .add("resourceVersion", resourceVersion == null || resourceVersion.isEmpty() ? null : resourceVersion);
    HttpWatch w = new HttpWatch(transport, gvr.collectionPath(namespace) + q, handler, "watch " + gvr.plural(), watches);
    watches.add(w);
    checkIdleWatches();
    w.start();
    return w;
  }

  private synchronized void checkIdleWatches() {
    if (idleCheck == null) {
      Duration limit = config.watchIdleTimeout();
      long period = Math.max(limit.toMillis() / 4, 10);
      idleCheck = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("api-watch-idle"));
      idleCheck.scheduleWithFixedDelay(() -> {
        long now = System.nanoTime();
        watches.forEach(w -> w.expireIfIdle(now, limit));
      }, period, period, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    for (HttpWatch w : List.copyOf(watches)) {
      w.close();
    }
    synchronized (this) {
      if (idleCheck != null) {
        idleCheck.shutdownNow();
        idleCheck = null;
      }
    }
  }

  // ---- plumbing

  private JsonNode call(String what, String method, String path, String contentType, JsonNode body) {
    byte[] bytes = body == null ? null : write(body);
    Supplier<JsonNode> once = () -> parse(transport.send(what, method, path, contentType, bytes));
    return ("GET".equals(method) ? reads : writes).executeSupplier(once);
  }

  private Retry retry(String name, boolean idempotent) {
    int members = config.servers().size();
    return Retry.of(name, RetryConfig.<Object>custom()
        .maxAttempts(config.maxAttempts())
        .retryOnException(t -> Failover.retries(Failure.of(t), idempotent, members))
        .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> delayMillis(attempt, outcome))
        .build());
  }

  private long delayMillis(Integer attempt, Either<Throwable, Object> outcome) {
    if (!outcome.isLeft()) {
      return Retries.backoff(attempt, config.initialBackoff(), config.maxBackoff()).toMillis();
    }
    Throwable t = outcome.getLeft();
    Optional<Duration> after = t instanceof StatusException s ? s.retryAfter() : Optional.empty();
    return Failover.delay(Failure.of(t), attempt, config.servers().size(), after, config.initialBackoff(),
        config.maxBackoff()).toMillis();
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
}
