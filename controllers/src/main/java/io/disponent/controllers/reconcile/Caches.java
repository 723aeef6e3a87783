package io.disponent.controllers.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.ApiClient;
import io.disponent.client.Gvr;
import io.disponent.client.runtime.Indexers;
import io.disponent.client.runtime.Informer;
import java.time.Duration;
import java.util.List;

/**
 * The informers the controllers share: Services, Tasks (indexed by node and owner uid), Nodes, and the node
 * Leases of {@code leaseNamespace}. Started and closed together by their owner.
 */
public final class Caches implements AutoCloseable {
  public static final String BY_NODE = "node";
  public static final String BY_OWNER = "owner";

  public final Informer<JsonNode> services;
  public final Informer<JsonNode> tasks;
  public final Informer<JsonNode> nodes;
  public final Informer<JsonNode> leases;

  public Caches(ApiClient client, String leaseNamespace) {
    services = Informer.of(client, Gvr.SERVICES).withResync(Duration.ofSeconds(30));
    tasks = Informer.of(client, Gvr.TASKS).addIndex(BY_NODE, Indexers.byField("spec.nodeName"))
        .addIndex(BY_OWNER, Indexers.byOwnerUid());
    nodes = Informer.of(client, Gvr.NODES).withResync(Duration.ofSeconds(30));
    leases = new Informer<>(client, Gvr.LEASES, leaseNamespace, null, null, j -> j);
  }

  public List<Informer<JsonNode>> all() {
    return List.of(services, tasks, nodes, leases);
  }

  public Caches start() {
    all().forEach(Informer::start);
    return this;
  }

  public boolean synced() {
    return all().stream().allMatch(Informer::hasSynced);
  }

  @Override
  public void close() {
    all().forEach(Informer::close);
  }
}
