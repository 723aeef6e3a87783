package io.disponent.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.disponent.apiserver.internal.auth.Authenticator;
import io.disponent.apiserver.internal.auth.ReviewTypes;
import io.disponent.apiserver.internal.cache.WatchCaches;
import io.disponent.apiserver.internal.crd.CrdDefaults;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.events.EventViews;
import io.disponent.apiserver.internal.hooks.CrdHooks;
import io.disponent.apiserver.internal.hooks.CrdSync;
import io.disponent.apiserver.internal.hooks.NamespaceCleaner;
import io.disponent.apiserver.internal.hooks.NamespaceHooks;
import io.disponent.apiserver.internal.http.ApiHttp;
import io.disponent.apiserver.internal.http.DiscoveryRoutes;
import io.disponent.apiserver.internal.http.ResourceHandler;
import io.disponent.apiserver.internal.http.ReviewRoutes;
import io.disponent.apiserver.internal.http.TaskLogProxy;
import io.disponent.apiserver.internal.http.TableRenderer;
import io.disponent.apiserver.internal.metrics.ApiMetrics;
import io.disponent.apiserver.internal.metrics.MeteredStore;
import io.disponent.apiserver.internal.registry.BuiltinCrds;
import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.Admission;
import io.disponent.apiserver.internal.rest.FieldManagement;
import io.disponent.apiserver.internal.rest.KindHooks;
import io.disponent.apiserver.internal.rest.Patcher;
import io.disponent.apiserver.internal.rest.ResourceReads;
import io.disponent.apiserver.internal.rest.ResourceWrites;
import io.disponent.apiserver.internal.rest.WriteOptions;
import io.disponent.apiserver.internal.server.DocumentPatcher;
import io.disponent.apiserver.internal.server.ManagedFieldsManagement;
import io.disponent.apiserver.internal.server.SchemaAdmission;
import io.disponent.apiserver.internal.server.CrdTables;
import io.disponent.apiserver.internal.storage.Keys;
import io.disponent.crds.Crds;
import io.disponent.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes-style API server over a {@link Store}: every kind, built-in or custom, is served
 * from its CustomResourceDefinition. Start one with {@link #start}; {@link #close} stops it (the
 * store stays open: it belongs to the caller).
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final List<String> DEFAULT_NAMESPACES = List.of("default", "disponent-system");

  private final ApiServerConfig config;
  private final Registry registry = new Registry();
  private final WatchCaches caches;
  private final ResourceReads reads;
  private final ResourceWrites writes;
  private final ApiMetrics metrics;
  private CrdSync crdSync;
  private NamespaceCleaner cleaner;
  private ApiHttp http;
  private volatile boolean ready;

  private ApiServer(Store rawStore, ApiServerConfig config) {
    this.config = config;
    this.metrics = new ApiMetrics(this::watchersByResource);
    Store store = new MeteredStore(rawStore, metrics);
    this.caches = new WatchCaches(store, config.watchCache());
    this.reads = new ResourceReads(store, caches, config.storeTimeout());
    BuiltinCrds.all().forEach(registry::defineBuiltin);
    registry.defineBuiltin("reviews", ReviewTypes.ALL);
    Map<String, KindHooks> hooks = new LinkedHashMap<>();
    hooks.put("namespaces", new NamespaceHooks());
    CrdHooks crdHooks = new CrdHooks(registry, store, config.clock());
    hooks.put("customresourcedefinitions.apiextensions.k8s.io", crdHooks);
    Function<ResourceType, KindHooks> hookOf = t -> hooks.getOrDefault(t.qualifiedResource(), KindHooks.NONE);
    Admission admission = new SchemaAdmission(hookOf);
    FieldManagement fields = new ManagedFieldsManagement(config.clock());
    Patcher patcher = new DocumentPatcher();
    this.writes = new ResourceWrites(store, reads, admission, fields, patcher, hookOf, config.clock(),
        config.storeTimeout());
    writes.namespaceType(() -> registry.snapshot().find("", "v1", "namespaces").orElse(null));
    registry.addListener(this::dropUnservedCaches);
  }

  /** Starts a server: loads the stored CRDs, bootstraps, listens. */
  public static ApiServer start(Store store, ApiServerConfig config) {
    ApiServer server = new ApiServer(store, config);
    try {
      server.startInternal();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void startInternal() {
    ResourceType crdType = registry.snapshot().find("apiextensions.k8s.io", "v1", "customresourcedefinitions")
        .orElseThrow();
    crdSync = new CrdSync(registry, reads.cache(crdType)).start();
    bootstrap();
    cleaner = new NamespaceCleaner(registry, reads, writes, Duration.ofMillis(500));
    TableRenderer tables = new CrdTables(config.clock());
    ResourceHandler handler = new ResourceHandler(registry, reads, writes, tables, config.bookmarkInterval(),
        config.maxWatch(), EventViews.of(registry), new DocumentPatcher());
    http = new ApiHttp(handler, metrics, () -> ready, config.maxThreads());
    new DiscoveryRoutes(registry).install(http);
    new ReviewRoutes(Authenticator.ANONYMOUS).install(http);
    new TaskLogProxy(registry, reads).install(http);
    http.start(config.host(), config.port());
    ready = true;
    log.info("API server listening on {}", url());
  }

  private void bootstrap() {
    WriteOptions options = new WriteOptions(false, "disponent-bootstrap", "Strict", false);
    ResourceType nsType = registry.snapshot().find("", "v1", "namespaces").orElseThrow();
    for (String ns : DEFAULT_NAMESPACES) {
      if (reads.getFromStore(nsType, null, ns).isEmpty()) {
        ObjectNode obj = (ObjectNode) new ObjectMapper().createObjectNode();
        obj.putObject("metadata").put("name", ns);
        createIgnoringExisting(nsType, null, obj, options);
      }
    }
    if (!config.bootstrapCrds()) {
      return;
    }
    ResourceType crdType = registry.snapshot().find("apiextensions.k8s.io", "v1", "customresourcedefinitions")
        .orElseThrow();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String file : Crds.resourceNames()) {
      JsonNode crd;
      try (InputStream in = Crds.open(file)) {
        crd = yaml.readTree(in);
        // Defaulted as a write would default it, so an unchanged shipped CRD compares equal.
        CrdDefaults.apply((ObjectNode) crd);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = crd.path("metadata").path("name").asText();
      var existing = reads.getFromStore(crdType, null, name);
      if (existing.isEmpty()) {
        createIgnoringExisting(crdType, null, (ObjectNode) crd, options);
      } else if (!existing.get().object().path("spec").equals(crd.path("spec"))) {
        ObjectNode updated = existing.get().copy();
        updated.set("spec", crd.path("spec").deepCopy());
        writes.update(crdType, null, name, null, updated, options);
        log.info("updated CRD {} to the shipped definition", name);
      }
    }
  }

  private void createIgnoringExisting(ResourceType type, String ns, ObjectNode obj, WriteOptions options) {
    try {
      writes.create(type, ns, obj, options);
    } catch (ApiException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }

  private void dropUnservedCaches() {
    List<String> served = registry.snapshot().all().stream().map(Keys::resourcePrefix).toList();
    for (String prefix : caches.all().keySet()) {
      if (!served.contains(prefix)) {
        caches.drop(prefix);
      }
    }
  }

  private Map<String, Integer> watchersByResource() {
    Map<String, Integer> out = new LinkedHashMap<>();
    caches.all().forEach((prefix, cache) -> out.put(prefix, cache.watcherCount()));
    return out;
  }

  public int port() {
    return http.port();
  }

  public String url() {
    return "http://" + config.host() + ":" + port();
  }

  public boolean ready() {
    return ready;
  }

  @Override
  public void close() {
    ready = false;
    if (http != null) {
      http.close();
    }
    if (cleaner != null) {
      cleaner.close();
    }
    if (crdSync != null) {
      crdSync.close();
    }
    caches.close();
  }
}
