package io.disponent.store.internal.watch;

import io.disponent.store.CompactedException;
import io.disponent.store.KeyValue;
import io.disponent.store.WatchEvent;
import io.disponent.store.internal.EventSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory event history with puts, deletes and compaction. Thread-safe. */
final class FakeEventSource implements EventSource {
  /** Guards every field. */
  private final Object lock = new Object();
  private final List<WatchEvent> history = new ArrayList<>();
  private final Map<String, KeyValue> current = new HashMap<>();
  private long revision;
  private long compactRevision;

  /** Puts every key in one new revision; returns that revision's events. */
  List<WatchEvent> put(String... keys) {
    synchronized (lock) {
      long rev = ++revision;
      List<WatchEvent> out = new ArrayList<>();
      for (String key : keys) {
        KeyValue prev = current.get(key);
        KeyValue kv = new KeyValue(key, ("v" + rev).getBytes(StandardCharsets.UTF_8),
            prev == null ? rev : prev.createRevision(), rev, prev == null ? 1 : prev.version() + 1, 0);
        current.put(key, kv);
        out.add(new WatchEvent(WatchEvent.Type.PUT, kv, prev));
      }
      history.addAll(out);
      return out;
    }
  }

  /** Deletes a key in one new revision; returns that revision's events (none if it was absent). */
  List<WatchEvent> delete(String key) {
    synchronized (lock) {
      long rev = ++revision;
      KeyValue prev = current.remove(key);
      if (prev == null) {
        return List.of();
      }
      WatchEvent e = new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(key, new byte[0], 0, rev, 0, 0), prev);
      history.add(e);
      return List.of(e);
    }
  }

  void compact(long rev) {
    synchronized (lock) {
      compactRevision = rev;
    }
  }

  /** Every event ever made, compacted or not. */
  List<WatchEvent> all() {
    synchronized (lock) {
      return List.copyOf(history);
    }
  }

  @Override
  public long revision() {
    synchronized (lock) {
      return revision;
    }
  }

  @Override
  public long compactRevision() {
    synchronized (lock) {
      return compactRevision;
    }
  }

  @Override
  public List<WatchEvent> events(long fromRevision, long toRevision, int maxEvents) {
    synchronized (lock) {
      if (compactRevision > 0 && fromRevision < compactRevision) {
        throw new CompactedException(fromRevision, compactRevision);
      }
      List<WatchEvent> out = new ArrayList<>();
      for (WatchEvent e : history) {
        long r = e.revision();
        if (r < fromRevision) {
          continue;
        }
        if (r > toRevision || (out.size() >= maxEvents && r != out.get(out.size() - 1).revision())) {
          break;
        }
        out.add(e);
      }
      return out;
    }
  }
}
