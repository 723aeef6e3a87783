package io.disponent.store.internal.watch;

import io.disponent.store.KeyRange;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watchers that receive live events, indexed so that matching one key costs a hash lookup for
 * single-key watchers plus one {@link KeyRange#contains} per distinct range (watchers of the same
 * prefix share one test). Not thread-safe: the hub guards it with its lock.
 */
final class SyncedWatchers {
  private final Map<String, Set<Watcher>> byKey = new HashMap<>();
  private final Map<KeyRange, Set<Watcher>> byRange = new HashMap<>();
  private int size;

  void add(Watcher w) {
    KeyRange range = w.range();
    Set<Watcher> group = range.isSingle()
        ? byKey.computeIfAbsent(range.key(), k -> new LinkedHashSet<>())
        : byRange.computeIfAbsent(range, k -> new LinkedHashSet<>());
    if (group.add(w)) {
      size++;
    }
  }

  void remove(Watcher w) {
    KeyRange range = w.range();
    Map<?, Set<Watcher>> index = range.isSingle() ? byKey : byRange;
    Object groupKey = range.isSingle() ? range.key() : range;
    Set<Watcher> group = index.get(groupKey);
    if (group != null && group.remove(w)) {
      size--;
      if (group.isEmpty()) {
        index.remove(groupKey);
      }
    }
  }

  /** Appends to {@code out} every watcher whose range contains {@code key}. */
  void collect(String key, List<Watcher> out) {
    Set<Watcher> single = byKey.get(key);
    if (single != null) {
      out.addAll(single);
    }
    for (Map.Entry<KeyRange, Set<Watcher>> e : byRange.entrySet()) {
      if (e.getKey().contains(key)) {
        out.addAll(e.getValue());
      }
    }
  }

  int size() {
    return size;
  }
}
