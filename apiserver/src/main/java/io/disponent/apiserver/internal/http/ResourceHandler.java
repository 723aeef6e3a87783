package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.DeleteOptions;
import io.disponent.apiserver.internal.rest.ListOptions;
import io.disponent.apiserver.internal.rest.ObjectRules;
import io.disponent.apiserver.internal.rest.Patcher;
import io.disponent.apiserver.internal.rest.RequestInfo;
import io.disponent.apiserver.internal.rest.ResourceReads;
import io.disponent.apiserver.internal.rest.ResourceWrites;
import io.disponent.apiserver.internal.rest.ScaleSubresource;
import io.disponent.apiserver.internal.rest.StorageView;
import io.disponent.apiserver.internal.rest.WatchSession;
import io.disponent.apiserver.internal.rest.WriteOptions;
import io.disponent.apiserver.internal.rest.WriteResult;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Maps resource requests (any kind) onto reads and writes, and their results onto HTTP. */
public final class ResourceHandler {

  private static final Set<String> SUBRESOURCES = Set.of("status", "scale");

  private final Registry registry;
  private final ResourceReads reads;
  private final ResourceWrites writes;
  private final TableRenderer tables;
  private final WatchStreamer streamer;
  private final Duration bookmarkInterval;
  private final Duration maxWatch;
  private final Function<ResourceType, StorageView> views;
  private final Patcher patcher;

  /**
   * @param views the view a resource is served through, or null for one served from its own objects
   * @param patcher patches objects of views (others are patched by {@code writes})
   */
  public ResourceHandler(Registry registry, ResourceReads reads, ResourceWrites writes, TableRenderer tables,
      Duration bookmarkInterval, Duration maxWatch, Function<ResourceType, StorageView> views, Patcher patcher) {
    this.views = views;
    this.patcher = patcher;
    this.registry = registry;
    this.reads = reads;
    this.writes = writes;
    this.tables = tables;
    this.streamer = new WatchStreamer(tables);
    this.bookmarkInterval = bookmarkInterval;
    this.maxWatch = maxWatch;
  }

  /** The resource and verb a request is about, for metrics: set once the path is parsed. */
  public record Target(ResourceType type, RequestInfo info, String verb) {}

  /** Resolves a path to a served resource, or 404. */
  public Target resolve(String method, String path, Context ctx) {
    RequestInfo info = RequestInfo.parse(path);
    if (info == null) {
      throw notFound();
    }
    ResourceType type = served(info);
    if (info.subresource() != null && (!SUBRESOURCES.contains(info.subresource())
        || ("status".equals(info.subresource()) && !type.statusSubresource())
        || ("scale".equals(info.subresource()) && type.scale() == null))) {
      throw notFound();
    }
    String verb = verb(method, info, ctx);
    if (!type.verbs().contains(verb.toLowerCase(java.util.Locale.ROOT))) {
      throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    return new Target(type, info, verb);
  }

  /** Resolves a path that can only be a watch (a WebSocket upgrade). */
  public Target resolveWatch(String path) {
    RequestInfo info = RequestInfo.parse(path);
    if (info == null || info.subresource() != null) {
      throw notFound();
    }
    ResourceType type = served(info);
    if (!type.stored()) {
      throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
    return new Target(type, info, "WATCH");
  }

  /** The served type a parsed path names, or 404 (a namespace on a cluster-scoped kind included). */
  private ResourceType served(RequestInfo info) {
    ResourceType type = registry.snapshot().find(info.group(), info.version(), info.plural())
        .orElseThrow(ResourceHandler::notFound);
    if (info.namespace() != null && !type.namespaced()) {
      throw notFound();
    }
    return type;
  }

  private static ApiException notFound() {
    return ApiException.notFound("the server could not find the requested resource");
  }

  private static String verb(String method, RequestInfo info, Context ctx) {
    boolean collection = info.name() == null;
    switch (method) {
      case "GET":
        if ("true".equals(ctx.queryParam("watch")) || "1".equals(ctx.queryParam("watch"))
            || RequestInfo.legacyWatch(ctx.path())) {
          return "WATCH";
        }
        return collection ? "LIST" : "GET";
      case "POST":
        return "CREATE";
      case "PUT":
        return "UPDATE";
      case "PATCH":
        return "PATCH";
      case "DELETE":
        return collection ? "DELETECOLLECTION" : "DELETE";
      default:
        return method;
    }
  }

  public void handle(Context ctx, Target target) throws IOException {
    ResourceType type = target.type();
    RequestInfo info = target.info();
    StorageView view = views.apply(type);
    if (view != null) {
      handleView(ctx, type, info, target.verb(), view);
      return;
    }
    switch (target.verb()) {
      case "GET" -> get(ctx, type, info);
      case "LIST" -> list(ctx, type, info);
      case "WATCH" -> watch(ctx, type, info);
      case "CREATE" -> {
        if (info.name() != null) {
          throw ApiException.methodNotAllowed("POST is not allowed on a named " + type.plural());
        }
        Bodies.Parsed body = Bodies.parseChecked(body(ctx), ctx.contentType());
        respond(ctx, writes.create(type, info.namespace(), object(body.node()), writeOptions(ctx, false, body)));
      }
      case "UPDATE" -> {
        requireName(info, "PUT");
        Bodies.Parsed body = Bodies.parseChecked(body(ctx), ctx.contentType());
        respond(ctx, writes.update(type, info.namespace(), info.name(), info.subresource(), object(body.node()),
            writeOptions(ctx, false, body)));
      }
      case "PATCH" -> {
        requireName(info, "PATCH");
        String media = Bodies.mediaType(ctx.contentType());
        if (!List.of(Patcher.MERGE, Patcher.JSON, Patcher.STRATEGIC, Patcher.APPLY).contains(media)) {
          throw ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: "
              + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
        }
        Bodies.Parsed patch = Bodies.parseChecked(body(ctx), media);
        boolean apply = Patcher.APPLY.equals(media);
        respond(ctx, writes.patch(type, info.namespace(), info.name(), info.subresource(), media, patch.node(),
            writeOptions(ctx, apply, patch)));
      }
      case "DELETE" -> {
        if (info.subresource() != null) {
          throw ApiException.methodNotAllowed("DELETE is not allowed on " + info.subresource());
        }
        DeleteOptions options = DeleteOptions.parse(optionalBody(ctx), ctx::queryParam);
        respond(ctx, writes.delete(type, info.namespace(), info.name(), options, writeOptions(ctx, false)));
      }
      case "DELETECOLLECTION" -> {
        DeleteOptions options = DeleteOptions.parse(optionalBody(ctx), ctx::queryParam);
        ListOptions list = ListOptions.parse(ctx::queryParam);
        List<ObjectNode> deleted =
            writes.deleteCollection(type, info.namespace(), list, options, writeOptions(ctx, false));
        ObjectNode out = Json.object();
        out.put("apiVersion", type.apiVersion());
        out.put("kind", type.listKind());
        out.putObject("metadata");
        deleted.forEach(out.putArray("items")::add);
        json(ctx, 200, Json.bytes(out));
      }
      default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
  }

  /** A resource served through a {@link StorageView}: no subresources, no server-side apply. */
  private void handleView(Context ctx, ResourceType type, RequestInfo info, String verb, StorageView view)
      throws IOException {
    if (info.subresource() != null) {
      throw notFound();
    }
    ResourceType storage = view.storage();
    switch (verb) {
      case "GET" -> one(ctx, type, view.show(reads.get(storage, info.namespace(), info.name(),
          ctx.queryParam("resourceVersion"))));
      case "LIST" -> {
        ResourceReads.ListResult r = reads.list(storage, info.namespace(), ListOptions.parse(ctx::queryParam));
        many(ctx, type, new ResourceReads.ListResult(r.items().stream().map(view::show).toList(), r.revision(),
            r.continueToken(), r.remaining()));
      }
      case "WATCH" -> watch(ctx, type, info);
      case "CREATE", "UPDATE" -> {
        ObjectNode body = objectBody(ctx);
        ObjectRules.checkTypeMeta(type, body);
        ObjectNode stored = view.toStorage().apply(body);
        if (verb.equals("CREATE")) {
          view.checkCreate(type, stored);
        }
        WriteResult r = verb.equals("CREATE")
            ? writes.create(storage, info.namespace(), stored, writeOptions(ctx, false))
            : writes.update(storage, info.namespace(), info.name(), null, stored, writeOptions(ctx, false));
        respond(ctx, view.show(r));
      }
      case "PATCH" -> {
        String media = Bodies.mediaType(ctx.contentType());
        if (!List.of(Patcher.MERGE, Patcher.JSON, Patcher.STRATEGIC).contains(media)) {
          throw ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted media "
              + "types include: application/json-patch+json, application/merge-patch+json");
        }
        StoredObject current = reads.get(storage, info.namespace(), info.name(), null);
        ObjectNode patched = patcher.patch(type, view.show(current).copy(), media, Bodies.parse(body(ctx), media));
        ObjectRules.checkTypeMeta(type, patched);
        ObjectNode stored = view.toStorage().apply(patched);
        ObjectRules.metadata(stored).put("resourceVersion", Long.toString(current.revision()));
        respond(ctx, view.show(writes.update(storage, info.namespace(), info.name(), null, stored,
            writeOptions(ctx, false))));
      }
      case "DELETE" -> respond(ctx, view.show(writes.delete(storage, info.namespace(), info.name(),
          DeleteOptions.parse(optionalBody(ctx), ctx::queryParam), writeOptions(ctx, false))));
      default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
  }

  private void get(Context ctx, ResourceType type, RequestInfo info) {
    StoredObject o = reads.get(type, info.namespace(), info.name(), ctx.queryParam("resourceVersion"));
    if ("scale".equals(info.subresource())) {
      json(ctx, 200, Json.bytes(ScaleSubresource.toScale(type, o.object())));
      return;
    }
    one(ctx, type, o);
  }

  private void one(Context ctx, ResourceType type, StoredObject o) {
    if (Negotiation.wantsTable(ctx.header("Accept"))) {
      json(ctx, 200, Json.bytes(tables.table(type, List.of(o), o.revision(), null, ctx.queryParam("includeObject"))));
      return;
    }
    json(ctx, 200, o.json());
  }

  private void list(Context ctx, ResourceType type, RequestInfo info) {
    if (info.subresource() != null) {
      throw notFound();
    }
    ListOptions options = ListOptions.parse(ctx::queryParam);
    many(ctx, type, reads.list(type, info.namespace(), options));
  }

  private void many(Context ctx, ResourceType type, ResourceReads.ListResult r) {
    if (Negotiation.wantsTable(ctx.header("Accept"))) {
      json(ctx, 200, Json.bytes(tables.table(type, r.items(), r.revision(), r.continueToken(),
          ctx.queryParam("includeObject"))));
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + r.items().size() * 1024);
    ObjectNode meta = Json.object();
    meta.put("resourceVersion", Long.toString(r.revision()));
    if (r.continueToken() != null) {
      meta.put("continue", r.continueToken());
    }
    out.writeBytes(("{\"apiVersion\":\"" + type.apiVersion() + "\",\"kind\":\"" + type.listKind()
        + "\",\"metadata\":" + Json.string(meta) + ",\"items\":[").getBytes(StandardCharsets.UTF_8));
    boolean first = true;
    for (StoredObject o : r.items()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      out.writeBytes(o.json());
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    json(ctx, 200, out.toByteArray());
  }

  private void watch(Context ctx, ResourceType type, RequestInfo info) throws IOException {
    if (info.subresource() != null) {
      throw notFound();
    }
    Prepared p = prepareWatch(new Target(type, info, "WATCH"), ctx::queryParam, ctx.header("Accept"));
    ctx.status(200);
    ctx.res().setContentType("application/json");
    ctx.res().setHeader("Cache-Control", "no-cache, private");
    ctx.res().setHeader("X-Content-Type-Options", "nosniff");
    try {
      streamer.stream(ctx.res().getOutputStream(), type, p.session(), p.options());
    } catch (IOException e) {
      // The client went away.
    }
  }

  /** Streams a watch to {@code out} (a WebSocket's messages); returns when it ends. */
  public void watchTo(OutputStream out, Target target, java.util.function.Function<String, String> query,
      String accept) throws IOException {
    Prepared p = prepareWatch(target, query, accept);
    streamer.stream(out, target.type(), p.session(), p.options());
  }

  private record Prepared(WatchSession session, WatchStreamer.Options options) {}

  private Prepared prepareWatch(Target target, java.util.function.Function<String, String> query, String accept) {
    ResourceType type = target.type();
    RequestInfo info = target.info();
    ListOptions options = ListOptions.parse(query);
    if (info.name() != null) {
      options = new ListOptions(options.labels(),
          io.disponent.apiserver.selector.FieldSelector.parse("metadata.name=" + info.name()), options.limit(),
          options.continueToken(), options.resourceVersion(), options.resourceVersionMatch(), true,
          options.allowBookmarks(), options.timeoutSeconds(), options.sendInitialEvents());
    }
    StorageView view = views.apply(type);
    WatchSession session = view == null
        ? reads.watch(type, info.namespace(), options)
        : view.show(reads.watch(view.storage(), info.namespace(), options));
    Duration timeout = options.timeoutSeconds() > 0
        ? Duration.ofSeconds(Math.min(options.timeoutSeconds(), maxWatch.toSeconds()))
        // Kubernetes spreads open-ended watches over [max/2, max) so they do not all end at once.
        : Duration.ofMillis(maxWatch.toMillis() / 2 + ThreadLocalRandom.current().nextLong(maxWatch.toMillis() / 2));
    return new Prepared(session, new WatchStreamer.Options(Negotiation.wantsTable(accept), query.apply("includeObject"),
        options.allowBookmarks(), options.sendInitialEvents(), timeout, bookmarkInterval));
  }

  private static void requireName(RequestInfo info, String method) {
    if (info.name() == null) {
      throw ApiException.methodNotAllowed(method + " is not allowed on a collection");
    }
  }

  private static byte[] body(Context ctx) throws IOException {
    return Bodies.readBytes(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
  }

  static ObjectNode objectBody(Context ctx) throws IOException {
    return objectBody(body(ctx), ctx.contentType());
  }

  private static ObjectNode objectBody(byte[] bytes, String contentType) {
    return object(Bodies.parse(bytes, contentType));
  }

  private static ObjectNode object(JsonNode node) {
    if (!(node instanceof ObjectNode o)) {
      throw ApiException.badRequest("the request body must be an object, not " + node.getNodeType().name().toLowerCase());
    }
    return o;
  }

  private static JsonNode optionalBody(Context ctx) throws IOException {
    byte[] bytes = body(ctx);
    if (bytes.length == 0) {
      return null;
    }
    return Bodies.parse(bytes, ctx.contentType() == null ? "application/json" : ctx.contentType());
  }

  private static WriteOptions writeOptions(Context ctx, boolean apply) {
    return WriteOptions.parse(ctx::queryParam, ctx.userAgent(), apply);
  }

  /** The write's options, knowing which fields {@code body} had twice. */
  private static WriteOptions writeOptions(Context ctx, boolean apply, Bodies.Parsed body) {
    return writeOptions(ctx, apply).withDuplicateFields(body.duplicateFields());
  }

  private static void respond(Context ctx, WriteResult r) {
    for (String w : r.warnings()) {
      ctx.res().addHeader("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\"");
    }
    json(ctx, r.code(), Json.bytes(r.object()));
  }

  static void json(Context ctx, int code, byte[] body) {
    ctx.status(code);
    ctx.contentType("application/json");
    ctx.result(body);
  }
}
