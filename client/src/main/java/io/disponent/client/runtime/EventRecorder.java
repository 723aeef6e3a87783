package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ApiException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events about objects. A repeat (same object, type, reason and message) seen
 * recently bumps the existing Event's {@code count} and {@code lastTimestamp} with a merge patch
 * instead of creating another; an LRU of {@code capacity} remembers what was emitted.
 *
 * <p>Thread-safe: emissions with the same aggregation key are serialized (so a repeat patches the one
 * Event), others run in parallel. Synchronous; a failure is logged and dropped: events are hints for
 * humans and must not fail a reconcile.
 */
public final class EventRecorder {

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Normal or Warning. */
  public enum Type { Normal, Warning }

  private record Seen(String namespace, String name, int count) {}

  private final ApiClient client;
  private final String component;
  private final Clock clock;
  private final AtomicLong seq;
  /** Guarded by itself: aggregation key → the Event emitted for it. */
  private final Map<String, Seen> recent;
  /** An emission holds the stripe of its aggregation key across its API call. */
  private final Object[] stripes = new Object[64];

  public EventRecorder(ApiClient client, String component, Clock clock, int capacity) {
    this.client = client;
    this.component = component;
    this.clock = clock;
    this.seq = new AtomicLong(clock.millis() * 1000);
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
        return size() > capacity;
      }
    };
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  public EventRecorder(ApiClient client, String component) {
    this(client, component, Clock.systemUTC(), 4096);
  }

  public void normal(JsonNode involved, String reason, String message) {
    record(involved, Type.Normal, reason, message);
  }

  public void warning(JsonNode involved, String reason, String message) {
    record(involved, Type.Warning, reason, message);
  }

  /** Emits or aggregates; {@code involved} is the object (its apiVersion, kind and metadata are used). */
  public void record(JsonNode involved, Type type, String reason, String message) {
    JsonNode meta = involved.path("metadata");
    String ns = meta.path("namespace").asText("");
    String aggKey = String.join("\u0000", involved.path("kind").asText(), ns, meta.path("name").asText(),
        meta.path("uid").asText(), type.name(), reason, message);
    synchronized (stripes[Math.floorMod(aggKey.hashCode(), stripes.length)]) {
      emit(involved, type, reason, message, aggKey);
    }
  }

  private void emit(JsonNode involved, Type type, String reason, String message, String aggKey) {
    JsonNode meta = involved.path("metadata");
    String ns = meta.path("namespace").asText("");
    String eventNs = ns.isEmpty() ? "default" : ns;
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    try {
      Seen seen;
      synchronized (recent) {
        seen = recent.get(aggKey);
      }
      if (seen != null) {
        try {
          ObjectNode patch = JSON.createObjectNode().put("count", seen.count() + 1).put("lastTimestamp", now);
          client.patch(Gvr.EVENTS, seen.namespace(), seen.name(), PatchType.MERGE, patch);
          synchronized (recent) {
            recent.put(aggKey, new Seen(seen.namespace(), seen.name(), seen.count() + 1));
          }
          return;
        } catch (NotFoundException gone) {
          synchronized (recent) {
            recent.remove(aggKey);
          }
        }
      }
      String name = meta.path("name").asText() + "." + Long.toHexString(seq.incrementAndGet());
      ObjectNode ev = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Event");
      ev.putObject("metadata").put("name", name).put("namespace", eventNs);
      ObjectNode ref = ev.putObject("involvedObject")
          .put("apiVersion", involved.path("apiVersion").asText())
          .put("kind", involved.path("kind").asText())
          .put("name", meta.path("name").asText());
      if (!ns.isEmpty()) {
        ref.put("namespace", ns);
      }
      if (meta.hasNonNull("uid")) {
        ref.put("uid", meta.path("uid").asText());
      }
      if (meta.hasNonNull("resourceVersion")) {
        ref.put("resourceVersion", meta.path("resourceVersion").asText());
      }
      ev.put("reason", reason).put("message", message).put("type", type.name())
          .put("firstTimestamp", now).put("lastTimestamp", now).put("count", 1)
          .put("reportingComponent", component);
      ev.putObject("source").put("component", component);
      client.create(Gvr.EVENTS, eventNs, ev);
      synchronized (recent) {
        recent.put(aggKey, new Seen(eventNs, name, 1));
      }
    } catch (ApiException e) {
      log.warn("event {} {} on {}/{} not recorded: {}", type, reason, ns, meta.path("name").asText(), e.getMessage());
    }
  }

}
