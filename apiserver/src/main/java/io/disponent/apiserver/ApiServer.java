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
import io.disponent.apiserver.internal.http.TableRenderer;
import io.disponent.apiserver.internal.http.TaskLogProxy;
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
import io.disponent.apiserver.internal.server.CrdTables;
import io.disponent.apiserver.internal.server.DocumentPatcher;
import io.disponent.apiserver.internal.server.ManagedFieldsManagement;
import io.disponent.apiserver.internal.server.SchemaAdmission;
import io.disponent.apiserver.internal.startup.StartPhase;
import io.disponent.apiserver.internal.startup.Startup;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
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
  private static final Duration WARM_UP_POLL = Duration.ofMillis(100);
  private static final Duration WARM_UP_RETRY = Duration.ofMillis(500);
  /** How long close waits for a warm-up step in a store call (interrupted) to give up. */
  private static final Duration WARMER_STOP = Duration.ofSeconds(10);

  private final ApiServerConfig config;
  private final Registry registry = new Registry();
  private final WatchCaches caches;
  private final ResourceReads reads;
  private final ResourceWrites writes;
  private final ApiMetrics metrics;
  private CrdSync crdSync;
  private NamespaceCleaner cleaner;
  private final Startup startup;
  private ApiHttp http;
  private Thread warmer;

  private ApiServer(Store rawStore, ApiServerConfig config, BooleanSupplier storeHasLeader) {
    this.config = config;
    this.startup = new Startup(storeHasLeader, config.clock());
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

  /**
   * Starts a server and returns once it serves: listens, loads the stored CRDs, bootstraps. A store
   * failure meanwhile fails the start. For a store that is always there (one replica that leads).
   */
  public static ApiServer start(Store store, ApiServerConfig config) {
    ApiServer server = new ApiServer(store, config, () -> true);
    try {
      server.listen();
      server.warmUp();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Starts a server that listens at once and serves whenever its store can: until then {@code /livez}
   * answers 200, {@code /readyz} 503 with the reason, and every request that needs the store a 503
   * {@code Status} with Retry-After. It keeps trying, never gives up, until it serves or is closed;
   * {@link #serving()} completes when it serves. For a member of a replicated store, which may start
   * before a majority of its peers.
   *
   * @param storeHasLeader whether the store knows a leader now, asked without waiting
   */
  public static ApiServer startWaiting(Store store, ApiServerConfig config, BooleanSupplier storeHasLeader) {
    ApiServer server = new ApiServer(store, config, storeHasLeader);
    try {
      server.listen();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    server.warmer = new Thread(server::warmUpUntilServing, "api-warm-up");
    server.warmer.setDaemon(true);
    server.warmer.start();
    return server;
  }

  private void listen() {
    TableRenderer tables = new CrdTables(config.clock());
    ResourceHandler handler = new ResourceHandler(registry, reads, writes, tables, config.bookmarkInterval(),
        config.maxWatch(), EventViews.of(registry), new DocumentPatcher());
    http = new ApiHttp(handler, metrics, startup, config.maxThreads());
    new DiscoveryRoutes(registry).install(http);
    new ReviewRoutes(Authenticator.ANONYMOUS).install(http);
    new TaskLogProxy(registry, reads).install(http);
    http.start(config.host(), config.port());
    log.info("API server listening on {}", url());
  }

  /** Loads the CRDs, bootstraps, serves. Idempotent, so that a failed attempt can be run again. */
  private void warmUp() {
    if (crdSync == null) {
      ResourceType crdType = registry.snapshot().find("apiextensions.k8s.io", "v1", "customresourcedefinitions")
          .orElseThrow();
      crdSync = new CrdSync(registry, reads.cache(crdType)).start();
    }
    startup.enter(StartPhase.BOOTSTRAPPING);
    bootstrap();
    if (cleaner == null) {
      cleaner = new NamespaceCleaner(registry, reads, writes, Duration.ofMillis(500));
    }
    log.info("API server serving on {}", url());
    startup.enter(StartPhase.SERVING);
  }

  private void warmUpUntilServing() {
    String lastLogged = null;
    while (startup.phase().compareTo(StartPhase.SERVING) < 0) {
      try {
        if (!startup.storeHasLeader()) {
          // No request before a leader is known: the Ratis client stalls for seconds after a NotLeader.
          Thread.sleep(WARM_UP_POLL.toMillis());
          continue;
        }
        try {
          warmUp();
        } catch (RuntimeException e) {
          startup.failed(e);
          if (!e.toString().equals(lastLogged)) {
            log.warn("API server not ready yet, will retry: {}", e.toString());
            lastLogged = e.toString();
          }
          Thread.sleep(WARM_UP_RETRY.toMillis());
        }
      } catch (InterruptedException e) {
        return;
      }
    }
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
        if (!createIgnoringExisting(crdType, null, (ObjectNode) crd, options)) {
          // Another member created it a moment ago: serve it now, not when the CRD watch delivers it.
          reads.getFromStore(crdType, null, name).ifPresent(o -> registry.put(o.object()));
        }
      } else if (!existing.get().object().path("spec").equals(crd.path("spec"))) {
        ObjectNode updated = existing.get().copy();
        updated.set("spec", crd.path("spec").deepCopy());
        writes.update(crdType, null, name, null, updated, options);
        log.info("updated CRD {} to the shipped definition", name);
      } else {
        // Perhaps stored by another member after this one's CRD watch began: serve it now, not a moment later.
        registry.put(existing.get().object());
      }
    }
  }

  /** False when it exists already. */
  private boolean createIgnoringExisting(ResourceType type, String ns, ObjectNode obj, WriteOptions options) {
    try {
      writes.create(type, ns, obj, options);
      return true;
    } catch (ApiException e) {
      if (e.code() != 409) {
        throw e;
      }
      return false;
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

  /** Whether it serves requests now. */
  public boolean ready() {
    return startup.phase() == StartPhase.SERVING;
  }

  /** Completes when the server serves; cancelled if it is closed first. */
  public CompletableFuture<Void> serving() {
    return startup.serving();
  }

  @Override
  public void close() {
    startup.enter(StartPhase.STOPPING);
    if (warmer != null) {
      warmer.interrupt();
      try {
        warmer.join(WARMER_STOP.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
