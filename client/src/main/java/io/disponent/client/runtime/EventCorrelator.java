package io.disponent.client.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Decides, without I/O, what an occurrence becomes, as client-go's EventCorrelator does:
 *
 * <ul>
 *   <li>Aggregation: occurrences about one object with one type and reason are "similar". Once {@code
 *       maxSimilar} distinct messages of them were seen within {@code window} of each other, further new
 *       messages go to one Event whose message is {@value #COMBINED}{@code <latest message>}.
 *   <li>De-duplication: an occurrence whose key (similar key plus message, or the similar key alone once
 *       combined) was written within {@code window} bumps that Event's count and lastTimestamp; otherwise it
 *       is a new Event.
 * </ul>
 *
 * Both memories are LRUs of {@code capacity} keys. Not thread-safe: the recorder calls it under its lock.
 */
final class EventCorrelator {
  static final String COMBINED = "(combined from similar events): ";
  private static final String SEP = "\u0000";

  private record Similar(Set<String> messages, Instant last) {}

  private final String component;
  private final Duration window;
  private final int maxSimilar;
  private final LongSupplier ids;
  private final Map<String, Similar> similar;
  private final Map<String, RecordedEvent> written;

  /** {@code ids} makes the suffix of new Events' names (object name, dot, hex id). */
  EventCorrelator(String component, Duration window, int maxSimilar, int capacity, LongSupplier ids) {
    this.component = component;
    this.window = window;
    this.maxSimilar = maxSimilar;
    this.ids = ids;
    this.similar = lru(capacity);
    this.written = lru(capacity);
  }

  EventWrite correlate(InvolvedObject o, EventRecorder.Type type, String reason, String message, Instant now) {
    String similarKey = String.join(SEP, component, s(o.apiVersion()), s(o.kind()), s(o.namespace()),
        s(o.name()), s(o.uid()), type.name(), reason);
    Similar sim = similar.get(similarKey);
    if (sim == null || expired(sim.last(), now)) {
      sim = new Similar(new HashSet<>(), now);
    }
    sim.messages().add(message);
    similar.put(similarKey, new Similar(sim.messages(), now));

    String key = similarKey + SEP + message;
    String text = message;
    if (sim.messages().size() >= maxSimilar) {
      sim.messages().remove(message); // the set stays bounded; later messages are combined as well
      key = similarKey;
      text = COMBINED + message;
    }
    RecordedEvent before = written.get(key);
    if (before != null && !expired(before.last(), now)) {
      RecordedEvent after = before.repeated(text, now);
      written.put(key, after);
      return new EventWrite.Bump(key, after);
    }
    String ns = o.namespace() == null ? "default" : o.namespace();
    RecordedEvent fresh = new RecordedEvent(ns, s(o.name()) + "." + Long.toHexString(ids.getAsLong()), o, type,
        reason, text, 1, now, now);
    written.put(key, fresh);
    return new EventWrite.Create(key, fresh);
  }

  /** The Event {@code w} created was not written: a repeat creates it afresh. */
  void forget(EventWrite w) {
    written.computeIfPresent(w.key(), (k, e) -> e.name().equals(w.event().name()) ? null : e);
  }

  private boolean expired(Instant last, Instant now) {
    return now.isAfter(last.plus(window));
  }

  private static String s(String v) {
    return v == null ? "" : v;
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
