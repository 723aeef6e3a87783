package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.controllers.client.ApiClient;
import io.disponent.controllers.client.Gvr;
import io.disponent.controllers.client.PatchType;
import io.disponent.controllers.reconcile.Json;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a Node's {@code status.allocated} (the sum of its ledger) off the binding path. Marks of a node
 * that arrive while its write is still queued are folded into that write, which reads the newest ledger
 * from the cache when it runs. Informational: a failed write is logged and left to the next mark.
 */
final class AllocatedWriter {
  private static final Logger log = LoggerFactory.getLogger(AllocatedWriter.class);

  private final ApiClient client;
  private final SchedulerCache cache;
  private final ExecutorService pool;
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  AllocatedWriter(ApiClient client, SchedulerCache cache, ExecutorService pool) {
    this.client = client;
    this.cache = cache;
    this.pool = pool;
  }

  void mark(String node) {
    if (queued.add(node)) {
      pool.execute(() -> write(node));
    }
  }

  private void write(String node) {
    queued.remove(node);
    SchedulerCache.CachedNode n = cache.node(node);
    if (n == null) {
      return;
    }
    NodeLedger ledger = n.ledger();
    ObjectNode allocated = Json.object().put("cpus", ledger.cpuMillis() + "m")
        .put("memory", String.valueOf(ledger.memoryBytes())).put("disk", String.valueOf(ledger.diskBytes()));
    if (allocated.equals(n.json().path("status").path("allocated"))) {
      return;
    }
    ObjectNode st = Json.object();
    st.set("allocated", allocated);
    try {
      cache.offerNode(client.patchStatus(Gvr.NODES, null, node, PatchType.MERGE, Json.statusPatch(st)));
    } catch (RuntimeException e) {
      log.debug("scheduler: allocated of {} not written: {}", node, e.getMessage());
    }
  }
}
