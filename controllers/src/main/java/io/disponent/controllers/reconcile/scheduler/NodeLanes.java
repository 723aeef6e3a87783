package io.disponent.controllers.reconcile.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write lane per Node: what passes hand in for a node while its lane is busy is folded into the
 * lane's next round, so a node sees one reservation compare-and-swap at a time and never conflicts
 * with this scheduler's own earlier writes (many small passes on one node used to race each other
 * into hundreds of 409s). Lanes of different nodes run in parallel on the pool.
 */
final class NodeLanes<T> {
  private static final Logger log = LoggerFactory.getLogger(NodeLanes.class);

  private final Executor pool;
  private final BiConsumer<String, List<T>> round;
  /** Guarded by this. */
  private final Map<String, List<T>> pending = new HashMap<>();
  /** Guarded by this: nodes whose lane has a round queued or running. */
  private final Set<String> busy = new HashSet<>();

  NodeLanes(Executor pool, BiConsumer<String, List<T>> round) {
    this.pool = pool;
    this.round = round;
  }

  void submit(String node, List<T> items) {
    synchronized (this) {
      pending.computeIfAbsent(node, k -> new ArrayList<>()).addAll(items);
      if (!busy.add(node)) {
        return;
      }
    }
    pool.execute(() -> drain(node));
  }

  private void drain(String node) {
    while (true) {
      List<T> items;
      synchronized (this) {
        items = pending.remove(node);
        if (items == null) {
          busy.remove(node);
          return;
        }
      }
      try {
        round.accept(node, items);
      } catch (RuntimeException e) {
        log.warn("scheduler: a write round on {} failed: {}", node, e.toString());
      }
    }
  }
}
