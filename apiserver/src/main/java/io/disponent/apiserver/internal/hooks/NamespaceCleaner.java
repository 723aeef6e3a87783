package io.disponent.apiserver.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.cache.WatchFilter;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.DeleteOptions;
import io.disponent.apiserver.internal.rest.ListOptions;
import io.disponent.apiserver.internal.rest.ResourceReads;
import io.disponent.apiserver.internal.rest.ResourceWrites;
import io.disponent.apiserver.internal.rest.WriteOptions;
import io.disponent.apiserver.internal.storage.Keys;
import io.disponent.apiserver.internal.storage.StoredObject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties terminating namespaces: deletes every object in them (finalizers honoured, as any
 * delete), and once nothing is left removes the {@code kubernetes} finalizer so the namespace
 * goes. Level-triggered: each pass looks at what is there now.
 */
public final class NamespaceCleaner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NamespaceCleaner.class);
  private static final WriteOptions OPTIONS = new WriteOptions(false, "namespace-controller", "Ignore", false);
  private static final DeleteOptions BACKGROUND = new DeleteOptions("Background", null, null, false);
  private static final ListOptions ALL =
      new ListOptions(null, null, 0, null, null, null, false, false, 0, false);

  private final Registry registry;
  private final ResourceReads reads;
  private final ResourceWrites writes;
  private final ScheduledExecutorService loop;

  public NamespaceCleaner(Registry registry, ResourceReads reads, ResourceWrites writes, Duration interval) {
    this.registry = registry;
    this.reads = reads;
    this.writes = writes;
    this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "namespace-cleaner");
      t.setDaemon(true);
      return t;
    });
    loop.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void pass() {
    try {
      ResourceType nsType = registry.snapshot().find("", "v1", "namespaces").orElse(null);
      if (nsType == null) {
        return;
      }
      for (StoredObject ns : reads.cache(nsType).list(Keys.resourcePrefix(nsType), WatchFilter.everything(null), 0)
          .items()) {
        if (ns.object().path("metadata").has("deletionTimestamp")) {
          clean(nsType, ns);
        }
      }
    } catch (RuntimeException e) {
      log.warn("namespace cleaning failed: {}", e.toString());
    }
  }

  private void clean(ResourceType nsType, StoredObject ns) {
    String name = ns.name();
    boolean empty = true;
    for (ResourceType type : registry.snapshot().all()) {
      if (!type.namespaced() || !type.storageVersion()) {
        continue;
      }
      if (!reads.list(type, name, ALL).items().isEmpty()) {
        empty = false;
        writes.deleteCollection(type, name, ALL, BACKGROUND, OPTIONS);
      }
    }
    if (!empty || !NamespaceHooks.hasFinalizer(ns.object().path("spec"))) {
      return;
    }
    ObjectNode updated = ns.copy();
    ArrayNode kept = updated.arrayNode();
    for (JsonNode f : updated.path("spec").path("finalizers")) {
      if (!NamespaceHooks.FINALIZER.equals(f.asText())) {
        kept.add(f);
      }
    }
    ((ObjectNode) updated.get("spec")).set("finalizers", kept);
    try {
      writes.update(nsType, null, name, null, updated, OPTIONS);
      log.info("namespace {} is empty and was removed", name);
    } catch (ApiException e) {
      if (e.code() != 409 && e.code() != 404) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
