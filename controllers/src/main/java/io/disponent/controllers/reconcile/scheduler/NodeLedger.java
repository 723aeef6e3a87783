package io.disponent.controllers.reconcile.scheduler;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.controllers.reconcile.Json;
import io.disponent.crds.model.Models;
import io.disponent.crds.vocab.Annotations;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reservations recorded on a Node (annotation {@value Annotations#RESERVATIONS}): task name → what it holds. A
 * scheduler adds its placements with a compare-and-swap update of the Node before it binds the Tasks, so two
 * schedulers racing for one node serialize on the Node's resourceVersion and never overcommit it. Entries of
 * Tasks that are gone, terminal or bound elsewhere are pruned once older than a few seconds.
 */
public record NodeLedger(Map<String, Entry> entries) {

  /** What one Task holds; {@code at} is the reservation time in epoch millis. */
  public record Entry(long cpuMillis, long memoryBytes, long diskBytes, Set<Integer> ports, long at) {}

  public NodeLedger {
    entries = new TreeMap<>(entries);
  }

  public static NodeLedger of(JsonNode node) {
    String text = Json.annotation(node, Annotations.RESERVATIONS);
    if (text == null || text.isBlank()) {
      return new NodeLedger(Map.of());
    }
    try {
      return new NodeLedger(Models.MAPPER.readValue(text, new TypeReference<Map<String, Entry>>() {}));
    } catch (Exception e) {
      return new NodeLedger(Map.of()); // a hand-edited ledger is rebuilt from the bound Tasks
    }
  }

  public String toJson() {
    try {
      return Models.MAPPER.writeValueAsString(entries);
    } catch (Exception e) {
      throw new IllegalStateException("scheduler: cannot write a ledger: " + e.getMessage(), e);
    }
  }

  public long cpuMillis() {
    return entries.values().stream().mapToLong(Entry::cpuMillis).sum();
  }

  public long memoryBytes() {
    return entries.values().stream().mapToLong(Entry::memoryBytes).sum();
  }

  public long diskBytes() {
    return entries.values().stream().mapToLong(Entry::diskBytes).sum();
  }

  public boolean portInUse(int port) {
    return entries.values().stream().anyMatch(e -> e.ports() != null && e.ports().contains(port));
  }
}
