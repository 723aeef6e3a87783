package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.Gvr;
import io.disponent.client.PatchType;
import io.disponent.client.StatusWriter;
import io.disponent.controllers.reconcile.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a Node's {@code status.allocated} (the sum of its ledger, read from the cache when it runs).
 * Called in the node's write lane after a reservation, so the next reservation starts from the Node
 * this write returns. Informational: a failed write is logged and left to the next reservation.
 */
final class AllocatedWriter {
  private static final Logger log = LoggerFactory.getLogger(AllocatedWriter.class);

  private final StatusWriter client;
  private final SchedulerCache cache;

  AllocatedWriter(StatusWriter client, SchedulerCache cache) {
    this.client = client;
    this.cache = cache;
  }

  void write(String node) {
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
