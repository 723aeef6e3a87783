package io.disponent.controllers.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.Gvr;
import io.disponent.client.ResourceReader;
import io.disponent.client.runtime.Indexers;
import io.disponent.client.runtime.Informer;
import io.disponent.crds.model.Node;
import io.disponent.crds.model.Service;
import io.disponent.crds.model.Task;
import java.time.Duration;
import java.util.List;

/**
 * The informers the controllers share: Services, Tasks (indexed by node and owner uid), Nodes, each decoded
 * once as it arrives, and the node Leases of {@code leaseNamespace} (JSON: the crds model has no Lease).
 * Started and closed together by their owner.
 */
public final class Caches implements AutoCloseable {
  public static final String BY_NODE = "node";
  public static final String BY_OWNER = "owner";

  public final Informer<Service> services;
  public final Informer<Task> tasks;
  public final Informer<Node> nodes;
  public final Informer<JsonNode> leases;

  public Caches(ResourceReader client, String leaseNamespace) {
    services = Informer.of(client, Gvr.SERVICES, Service.class).withResync(Duration.ofSeconds(30));
    tasks = Informer.of(client, Gvr.TASKS, Task.class).addIndex(BY_NODE, Indexers.byField("spec.nodeName"))
        .addIndex(BY_OWNER, Indexers.byOwnerUid());
    nodes = Informer.of(client, Gvr.NODES, Node.class).withResync(Duration.ofSeconds(30));
    leases = new Informer<>(client, Gvr.LEASES, leaseNamespace, null, null, j -> j);
  }

  public List<Informer<?>> all() {
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
