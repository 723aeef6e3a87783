package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.ResourceWriter;
import io.disponent.crds.model.Models;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events about objects, correlated as client-go's recorder does ({@link EventCorrelator}): a
 * repeat of the same object, type, reason and message within {@link #WINDOW} bumps the one Event's {@code
 * count} and {@code lastTimestamp}; from {@link #MAX_SIMILAR} different messages of the same object, type and
 * reason on, they are combined into one Event ("(combined from similar events): latest message").
 *
 * <p>Asynchronous and never failing the caller: {@link #record} decides at once and hands the write to one
 * of a few write lanes (writes of one key stay in order in their lane); a full lane drops the Event and a
 * failed write is logged. Events are hints for people, the objects' status is the record. Idle lanes let
 * their thread go, so a recorder that is never closed leaks nothing.
 */
public final class EventRecorder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

  /** Normal or Warning. */
  public enum Type { Normal, Warning }

  /** How long a repeat or a similar occurrence still joins the Event before it. */
  public static final Duration WINDOW = Duration.ofMinutes(10);
  /** From this many distinct messages of one object and reason on, they are combined. */
  public static final int MAX_SIMILAR = 10;
  private static final int LANES = 4;
  private static final int QUEUED_PER_LANE = 2_500;

  private final ResourceWriter writer;
  private final String component;
  private final InstantSource clock;
  /** Guarded by itself. */
  private final EventCorrelator correlator;
  private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

  /** {@code capacity}: how many correlation keys are remembered (LRU). */
  public EventRecorder(ResourceWriter writer, String component, InstantSource clock, int capacity) {
    this.writer = writer;
    this.component = component;
    this.clock = clock;
    AtomicLong ids = new AtomicLong(clock.millis() * 1000);
    this.correlator = new EventCorrelator(component, WINDOW, MAX_SIMILAR, capacity, ids::incrementAndGet);
    for (int i = 0; i < LANES; i++) {
      ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUED_PER_LANE), DaemonThreads.single("events-" + component + "-" + i));
      lane.allowCoreThreadTimeOut(true);
      lanes.add(lane);
    }
  }

  public EventRecorder(ResourceWriter writer, String component) {
    this(writer, component, InstantSource.system(), 4096);
  }

  public void normal(JsonNode involved, String reason, String message) {
    record(involved, Type.Normal, reason, message);
  }

  public void warning(JsonNode involved, String reason, String message) {
    record(involved, Type.Warning, reason, message);
  }

  /** Emits or aggregates; {@code involved} is the object (its apiVersion, kind and metadata are used). */
  public void record(JsonNode involved, Type type, String reason, String message) {
    EventWrite w = null;
    try {
      InvolvedObject o = InvolvedObject.of(involved);
      synchronized (correlator) {
        w = correlator.correlate(o, type, reason, message, clock.instant());
      }
      EventWrite write = w;
      lanes.get(Math.floorMod(w.key().hashCode(), LANES)).execute(() -> write(write));
    } catch (RejectedExecutionException e) {
      log.debug("event {} {} dropped: the write lane is full or closed", type, reason);
      forget(w);
    } catch (RuntimeException e) {
      log.warn("event {} {} not recorded: {}", type, reason, e.toString());
    }
  }

  /** Waits until what was recorded before this call is written (or dropped); false on timeout. */
  public boolean flush(Duration timeout) {
    List<CompletableFuture<Void>> marks = new ArrayList<>();
    try {
      lanes.forEach(l -> marks.add(CompletableFuture.runAsync(() -> {}, l)));
      CompletableFuture.allOf(marks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the lanes; Events still queued are dropped. */
  @Override
  public void close() {
    lanes.forEach(ThreadPoolExecutor::shutdownNow);
  }

  private void write(EventWrite w) {
    RecordedEvent e = w.event();
    try {
      if (w instanceof EventWrite.Create) {
        writer.create(Gvr.EVENTS, e.namespace(), event(e));
      } else {
        bump(e);
      }
    } catch (ApiException ex) {
      if (w instanceof EventWrite.Create) {
        forget(w);
      }
      log.warn("event {} {} on {}/{} not recorded: {}", e.type(), e.reason(), e.involved().namespace(),
          e.involved().name(), ex.getMessage());
    }
  }

  private void bump(RecordedEvent e) {
    ObjectNode patch = Models.MAPPER.createObjectNode().put("count", e.count())
        .put("lastTimestamp", time(e.last())).put("message", e.message());
    try {
      writer.patch(Gvr.EVENTS, e.namespace(), e.name(), PatchType.MERGE, patch);
    } catch (NotFoundException gone) {
      writer.create(Gvr.EVENTS, e.namespace(), event(e)); // deleted meanwhile, or its create was lost
    }
  }

  private void forget(EventWrite w) {
    if (w != null) {
      synchronized (correlator) {
        correlator.forget(w);
      }
    }
  }

  private ObjectNode event(RecordedEvent e) {
    InvolvedObject o = e.involved();
    ObjectNode ev = Models.MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "Event");
    ev.putObject("metadata").put("name", e.name()).put("namespace", e.namespace());
    ObjectNode ref = ev.putObject("involvedObject");
    putIfSet(ref, "apiVersion", o.apiVersion());
    putIfSet(ref, "kind", o.kind());
    putIfSet(ref, "name", o.name());
    putIfSet(ref, "namespace", o.namespace());
    putIfSet(ref, "uid", o.uid());
    putIfSet(ref, "resourceVersion", o.resourceVersion());
    ev.put("reason", e.reason()).put("message", e.message()).put("type", e.type().name())
        .put("firstTimestamp", time(e.first())).put("lastTimestamp", time(e.last())).put("count", e.count())
        .put("reportingComponent", component);
    ev.putObject("source").put("component", component);
    return ev;
  }

  private static void putIfSet(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
