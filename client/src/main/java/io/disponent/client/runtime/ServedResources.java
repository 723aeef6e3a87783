package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ApiResource;
import io.disponent.client.Discovery;
import io.disponent.client.Gvr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources the server serves, kept current: discovery is walked at start, every {@code period}, and
 * shortly after any CustomResourceDefinition changes (events coalesced into one walk), so kinds that CRDs add
 * later are seen within a moment. A group version whose discovery fails keeps what was known of it. The
 * listener hears each new list that differs from the last, on the refresher's thread. Thread-safe.
 */
public final class ServedResources implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServedResources.class);
  private static final Duration CRD_SETTLE = Duration.ofMillis(200);

  private final Discovery discovery;
  private final Consumer<List<ApiResource>> listener;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("served-resources"));
  private final AtomicBoolean refreshPending = new AtomicBoolean();
  private final Informer<JsonNode> crds;
  private volatile List<ApiResource> current = List.of();

  private ServedResources(ApiClient client, Consumer<List<ApiResource>> listener) {
    this.discovery = new Discovery(client::discover);
    this.listener = listener;
    this.crds = Informer.of(client, Gvr.CRDS);
  }

  /** Walks discovery now (the listener hears the first list before this returns), then keeps it current. */
  public static ServedResources start(ApiClient client, Duration period, Consumer<List<ApiResource>> listener) {
    ServedResources s = new ServedResources(client, listener);
    s.refresh();
    s.timer.scheduleWithFixedDelay(s::refresh, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    s.crds.addHandler(new EventHandler() {
      @Override
      public void onAdd(JsonNode object) {
        s.refreshSoon();
      }

      @Override
      public void onUpdate(JsonNode previous, JsonNode current) {
        s.refreshSoon();
      }

      @Override
      public void onDelete(JsonNode object) {
        s.refreshSoon();
      }
    }).start();
    return s;
  }

  /** The resources as last discovered. */
  public List<ApiResource> resources() {
    return current;
  }

  /** The served resource of {@code kind} in {@code group} ("" for core), whatever its version. */
  public Optional<ApiResource> byKind(String group, String kind) {
    return current.stream().filter(r -> r.gvr().group().equals(group) && r.kind().equals(kind)).findFirst();
  }

  private void refreshSoon() {
    if (refreshPending.compareAndSet(false, true)) {
      timer.schedule(() -> {
        refreshPending.set(false);
        refresh();
      }, CRD_SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void refresh() {
    Discovery.Found found;
    try {
      found = discovery.walk();
    } catch (RuntimeException e) {
      log.warn("discovery: cannot walk the served resources, keeping the last list: {}", e.getMessage());
      return;
    }
    List<ApiResource> next = new ArrayList<>(found.resources());
    for (ApiResource kept : current) {
      if (found.failed().contains(kept.gvr().apiVersion())) {
        next.add(kept);
      }
    }
    if (!found.failed().isEmpty()) {
      log.warn("discovery: cannot read {}, keeping what was known of them", found.failed());
    }
    if (!next.equals(current)) {
      current = List.copyOf(next);
      try {
        listener.accept(current);
      } catch (RuntimeException e) {
        log.warn("discovery: a listener failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    crds.close();
    timer.shutdownNow();
  }
}
