package io.disponent.store.internal.mvcc;

import io.disponent.store.WatchEvent;
import io.disponent.store.internal.CommandResult;
import java.util.List;

/**
 * What one Raft entry did.
 *
 * @param results one per command, in command order (empty for a replayed entry)
 * @param events every change the entry made, in order, with {@code prevKv} filled in
 * @param revision the store's revision after the entry
 */
public record ApplyResult(List<CommandResult> results, List<WatchEvent> events, long revision) {
  public ApplyResult {
    results = List.copyOf(results);
    events = List.copyOf(events);
  }
}
