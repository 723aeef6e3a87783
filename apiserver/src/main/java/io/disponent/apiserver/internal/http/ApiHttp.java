package io.disponent.apiserver.internal.http;

import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.metrics.ApiMetrics;
import io.disponent.apiserver.internal.startup.Readiness;
import io.disponent.apiserver.internal.startup.Startup;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the server (Javalin): fixed paths (health, version, metrics, discovery,
 * OpenAPI) first, then every resource path through {@link ResourceHandler}. One exception
 * handler renders every failure as a {@code Status}.
 */
public final class ApiHttp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ApiHttp.class);

  /** A handler of one fixed path: it writes the response, or returns false to fall through. */
  public interface Route {
    boolean handle(Context ctx) throws Exception;
  }

  /** What a server that is not serving yet still answers: health, and what needs no store. */
  private static final Set<String> ALWAYS_SERVED = Set.of("/healthz", "/livez", "/readyz", "/metrics", "/version");

  private final Javalin app;
  private final ResourceHandler resources;
  private final ApiMetrics metrics;
  private final Startup startup;
  private final Map<String, Route> fixed = new ConcurrentHashMap<>();
  private final Map<String, Route> posts = new ConcurrentHashMap<>();
  private final java.util.List<Route> prefixed = new java.util.concurrent.CopyOnWriteArrayList<>();

  public ApiHttp(ResourceHandler resources, ApiMetrics metrics, Startup startup, int maxThreads) {
    this.resources = resources;
    this.metrics = metrics;
    this.startup = startup;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = Bodies.MAX_BYTES;
      config.http.prefer405over404 = false;
      QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 8, 60_000);
      pool.setName("api");
      pool.setDaemon(true);
      config.jetty.threadPool = pool;
    });
    fixed.put("/healthz", ctx -> text(ctx, 200, "ok"));
    fixed.put("/livez", ctx -> text(ctx, 200, "ok"));
    fixed.put("/readyz", this::readyz);
    fixed.put("/metrics", ctx -> {
      ctx.contentType(ApiMetrics.contentType());
      ctx.result(metrics.scrape());
      return true;
    });
    for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
        HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS}) {
      app.addHttpHandler(method, "/*", this::dispatch);
      app.addHttpHandler(method, "/", this::dispatch);
    }
    WatchSocket sockets = new WatchSocket(resources, metrics, startup);
    app.ws("/api/*", sockets::configure);
    app.ws("/apis/*", sockets::configure);
    app.exception(Exception.class, (e, ctx) -> {
      ApiException api = e instanceof ApiException a ? a : internal(e);
      ctx.status(api.code());
      if (api.details() != null && api.details().retryAfterSeconds() != null) {
        ctx.header("Retry-After", Integer.toString(api.details().retryAfterSeconds()));
      }
      ctx.contentType("application/json");
      ctx.result(Json.bytes(api.toStatus()));
    });
  }

  /** Serves {@code path} exactly (GET) with {@code route}. */
  public void route(String path, Route route) {
    fixed.put(path, route);
  }

  /** Serves POSTs to {@code path} exactly with {@code route} (APIs that answer a request and store nothing). */
  public void postRoute(String path, Route route) {
    posts.put(path, route);
  }

  /** Offers every GET that no exact route took to {@code route} before the resource handler. */
  public void prefixRoute(Route route) {
    prefixed.add(route);
  }

  public ApiHttp start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  private void dispatch(Context ctx) throws Exception {
    long start = System.nanoTime();
    String method = ctx.method().name();
    String verb = method;
    String resource = "";
    int code = 500;
    try {
      String path = ctx.path();
      ApiException refusal = ALWAYS_SERVED.contains(path) ? null : startup.refusal();
      if (refusal != null) {
        throw refusal;
      }
      QueryEscapes.check(ctx.queryString());
      Route post = method.equals("POST") ? posts.get(path) : null;
      if (post != null) {
        verb = "CREATE";
        resource = path.substring(path.lastIndexOf('/') + 1);
        post.handle(ctx);
        code = ctx.statusCode();
        return;
      }
      Route route = fixed.get(path);
      if (route != null || (path.length() > 1 && path.endsWith("/") && (route = fixed.get(path.substring(0, path.length() - 1))) != null)) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
          throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
        }
        route.handle(ctx);
        code = ctx.statusCode();
        return;
      }
      if (method.equals("GET")) {
        for (Route r : prefixed) {
          if (r.handle(ctx)) {
            code = ctx.statusCode();
            return;
          }
        }
      }
      if (method.equals("HEAD") || method.equals("OPTIONS")) {
        throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
      }
      ResourceHandler.Target target = resources.resolve(method, path, ctx);
      verb = target.verb();
      resource = target.type().plural() + (target.info().subresource() == null ? "" : "/" + target.info().subresource());
      Negotiation.requireJson(ctx.header("Accept"));
      resources.handle(ctx, target);
      code = ctx.statusCode();
    } catch (ApiException e) {
      code = e.code();
      throw e;
    } catch (Exception e) {
      throw e;
    } finally {
      metrics.request(verb, resource, code, System.nanoTime() - start);
    }
  }

  private static ApiException internal(Exception e) {
    log.error("request failed", e);
    return ApiException.internal("Internal error occurred: " + e);
  }

  private boolean readyz(Context ctx) {
    if (startup.readiness() instanceof Readiness.NotReady why) {
      ctx.header("Retry-After", Integer.toString(why.retryAfterSeconds()));
      return text(ctx, 503, "not ready: " + why.reason());
    }
    return text(ctx, 200, "ok");
  }

  private static boolean text(Context ctx, int code, String body) {
    ctx.status(code);
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result(body);
    return true;
  }

  @Override
  public void close() {
    app.stop();
  }
}
