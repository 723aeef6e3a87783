package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.discovery.Discovery;
import io.disponent.apiserver.internal.discovery.DiscoveryFormat;
import io.disponent.apiserver.internal.discovery.VersionInfo;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.openapi.OpenApiV3;
import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discovery, {@code /version} and {@code /openapi/v3}. Documents are built from the registry's
 * snapshot and kept until it changes, so a new CRD shows up in the next request.
 */
public final class DiscoveryRoutes {

  private final Registry registry;
  private final String buildDate = Instant.now().toString();
  private volatile Registry.Snapshot cachedFor;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  public DiscoveryRoutes(Registry registry) {
    this.registry = registry;
  }

  public void install(ApiHttp http) {
    http.route("/version", ctx -> send(ctx, "version", () -> VersionInfo.body("disponent", buildDate)));
    http.route("/api", ctx -> {
      DiscoveryFormat f = format(ctx);
      String address = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
      return sendCached(ctx, f.contentType(), "api:" + f,
          () -> f.aggregated() ? Discovery.aggregatedCore(types(), f) : Discovery.apiVersions(address));
    });
    http.route("/apis", ctx -> {
      DiscoveryFormat f = format(ctx);
      return sendCached(ctx, f.contentType(), "apis:" + f,
          () -> f.aggregated() ? Discovery.aggregatedGroups(types(), f) : Discovery.apiGroupList(types()));
    });
    http.route("/openapi/v3", ctx -> send(ctx, "openapi", () -> OpenApiV3.root(storedTypes())));
    http.route("/openapi/v2", ctx -> {
      throw ApiException.notFound("the server could not find the requested resource");
    });
    http.prefixRoute(this::prefixed);
  }

  private boolean prefixed(Context ctx) {
    String path = ctx.path();
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    String[] p = path.substring(1).split("/");
    if (p[0].equals("openapi") && p.length >= 3 && p[1].equals("v3")) {
      String group = p[2].equals("api") && p.length == 4 ? "" : p[2].equals("apis") && p.length == 5 ? p[3] : null;
      if (group == null) {
        throw ApiException.notFound("the server could not find the requested resource");
      }
      String version = p[p.length - 1];
      return sendCached(ctx, "application/json", "openapi:" + group + "/" + version,
          () -> OpenApiV3.groupVersion(storedTypes(), group, version).orElseThrow(DiscoveryRoutes::notFound));
    }
    if (p[0].equals("api") && p.length == 2) {
      return resourceList(ctx, "", p[1]);
    }
    if (p[0].equals("apis") && p.length == 3) {
      return resourceList(ctx, p[1], p[2]);
    }
    if (p[0].equals("apis") && p.length == 2) {
      JsonNode groups = Discovery.apiGroupList(types()).path("groups");
      for (JsonNode g : groups) {
        if (g.path("name").asText().equals(p[1])) {
          ObjectNode group = ((ObjectNode) g).deepCopy();
          ObjectNode out = Json.object();
          out.put("kind", "APIGroup");
          out.put("apiVersion", "v1");
          out.setAll(group);
          return sendCached(ctx, "application/json", "group:" + p[1], () -> out);
        }
      }
      throw ApiException.notFound("the server could not find the requested resource");
    }
    return false;
  }

  private boolean resourceList(Context ctx, String group, String version) {
    return sendCached(ctx, "application/json", "resources:" + group + "/" + version,
        () -> Discovery.apiResourceList(types(), group, version).orElseThrow(DiscoveryRoutes::notFound));
  }

  private static ApiException notFound() {
    return ApiException.notFound("the server could not find the requested resource");
  }

  private DiscoveryFormat format(Context ctx) {
    return Discovery.contentTypeFor(ctx.header("Accept"))
        .orElseThrow(() -> ApiException.notAcceptable("only the following media types are accepted: application/json, "
            + "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"));
  }

  private List<ResourceType> types() {
    return registry.snapshot().all();
  }

  /** The resources with objects: OpenAPI describes these (the review APIs are left out). */
  private List<ResourceType> storedTypes() {
    return types().stream().filter(ResourceType::stored).toList();
  }

  private boolean send(Context ctx, String key, java.util.function.Supplier<ObjectNode> doc) {
    return sendCached(ctx, "application/json", key, doc);
  }

  private boolean sendCached(Context ctx, String contentType, String key, java.util.function.Supplier<ObjectNode> doc) {
    Registry.Snapshot now = registry.snapshot();
    if (cachedFor != now) {
      cache.clear();
      cachedFor = now;
    }
    byte[] body = cache.computeIfAbsent(key, k -> Json.bytes(doc.get()));
    ctx.status(200);
    ctx.contentType(contentType);
    ctx.result(body);
    return true;
  }
}
