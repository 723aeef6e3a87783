package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a {@link Reconciler} on N worker threads, fed by informers whose events are mapped to keys
 * (the object's own key, its owner's, or any mapping) and de-duplicated by a {@link WorkQueue}.
 * Workers start once every watched informer has synced. A {@link Result} of requeueAfter delays the
 * key and forgets its backoff; requeue and exceptions add it rate-limited; done forgets it. While
 * reconciling, the MDC holds {@code controller}, {@code namespace} and {@code name}.
 */
public final class Controller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Controller.class);

  private final String name;
  private final Reconciler reconciler;
  private final WorkQueue<Key> queue;
  private final List<Informer<?>> informers;
  private final int workers;
  private final ControllerMetrics metrics;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Runnable> onClose;

  private Controller(Builder b) {
    this.name = b.name;
    this.reconciler = b.reconciler;
    this.queue = b.queue != null ? b.queue : WorkQueue.withDefaults();
    this.informers = List.copyOf(b.informers);
    this.workers = b.workers;
    this.onClose = List.copyOf(b.onClose);
    this.metrics = ControllerMetrics.in(b.registry != null ? b.registry : PrometheusRegistry.defaultRegistry);
    b.bindings.forEach(bind -> bind.accept(this::enqueueAll));
  }

  public static Builder builder(String name, Reconciler reconciler) {
    return new Builder(name, reconciler);
  }

  public String name() {
    return name;
  }

  /** The queue, for enqueueing from elsewhere and for tests. */
  public WorkQueue<Key> queue() {
    return queue;
  }

  public void enqueue(Key key) {
    queue.add(key);
    metrics.depth.labelValues(name).set(queue.len());
  }

  /** Starts the workers (they wait for the informers to sync); the informers are started by their owner. */
  public Controller start() {
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(this::work, name + "-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    return this;
  }

  /**
   * Shuts the queue down, waits (a little) for the workers to finish their current key, then runs
   * the reconciler's own close actions (its pools: nothing of a stopped controller may keep writing).
   */
  @Override
  public void close() {
    queue.shutDown();
    try {
      for (Thread t : threads) {
        try {
          t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    } finally {
      onClose.forEach(Runnable::run);
    }
  }

  private void enqueueAll(Collection<Key> keys) {
    for (Key k : keys) {
      enqueue(k);
    }
  }

  private void work() {
    try {
      while (!informers.stream().allMatch(Informer::hasSynced)) {
        if (queue.isShutDown()) {
          return;
        }
        Thread.sleep(20);
      }
      Key key;
      while ((key = queue.take()) != null) {
        process(key);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void process(Key key) {
    MDC.put("controller", name);
    MDC.put("namespace", key.namespace() == null ? "" : key.namespace());
    MDC.put("name", key.name());
    long start = System.nanoTime();
    String outcome;
    try {
      Result r = reconciler.reconcile(key);
      if (r.after() != null) {
        queue.forget(key);
        queue.addAfter(key, r.after());
        outcome = "requeue";
      } else if (r.again()) {
        queue.addRateLimited(key);
        outcome = "requeue";
      } else {
        queue.forget(key);
        outcome = "success";
      }
    } catch (TerminalException e) {
      log.error("reconcile of {} failed for good: {}", key, e.getMessage(), e);
      queue.forget(key);
      outcome = "terminal";
      metrics.errors.labelValues(name).inc();
    } catch (Exception e) {
      log.warn("reconcile of {} failed (attempt {}); retrying with backoff: {}", key, queue.failures(key) + 1,
          e.toString());
      queue.addRateLimited(key);
      outcome = "error";
      metrics.errors.labelValues(name).inc();
    } finally {
      queue.done(key);
      metrics.duration.labelValues(name).observe((System.nanoTime() - start) / 1e9);
      metrics.depth.labelValues(name).set(queue.len());
      MDC.remove("controller");
      MDC.remove("namespace");
      MDC.remove("name");
    }
    metrics.reconciles.labelValues(name, outcome).inc();
  }

  /** Wires a controller: what it watches and how events become keys. */
  public static final class Builder {
    private final String name;
    private final Reconciler reconciler;
    /** Each adds, to its informer, a handler that maps events to keys and hands them to the consumer. */
    private final List<Consumer<Consumer<Collection<Key>>>> bindings = new ArrayList<>();
    private final List<Informer<?>> informers = new ArrayList<>();
    private int workers = 1;
    private final List<Runnable> onClose = new ArrayList<>();
    private WorkQueue<Key> queue;
    private PrometheusRegistry registry;

    private Builder(String name, Reconciler reconciler) {
      this.name = Objects.requireNonNull(name);
      this.reconciler = Objects.requireNonNull(reconciler);
    }

    public Builder workers(int n) {
      this.workers = n;
      return this;
    }

    public Builder queue(WorkQueue<Key> queue) {
      this.queue = queue;
      return this;
    }

    public Builder registry(PrometheusRegistry registry) {
      this.registry = registry;
      return this;
    }

    /** Events of these objects enqueue the objects' own keys. */
    public Builder watches(Informer<?> informer) {
      return watches(informer, obj -> List.of(Key.of(obj)));
    }

    /**
     * Events of these objects enqueue their owners of {@code ownerKind} (from ownerReferences, in
     * the object's namespace); an update whose owners changed enqueues the old owners too.
     */
    public Builder watchesOwned(Informer<?> informer, String ownerKind) {
      Function<JsonNode, Collection<Key>> owners = owners(ownerKind);
      return bind(informer, c -> owners.apply(c.json()), true);
    }

    /** Events of these objects enqueue whatever keys {@code mapper} gives from their JSON. */
    public Builder watches(Informer<?> informer, Function<JsonNode, Collection<Key>> mapper) {
      return bind(informer, c -> mapper.apply(c.json()), false);
    }

    /** Events of these objects enqueue whatever keys {@code mapper} gives from the cached (decoded) objects. */
    public <T> Builder watchesCached(Informer<T> informer, Function<Cached<T>, Collection<Key>> mapper) {
      return bind(informer, mapper, false);
    }

    private <T> Builder bind(Informer<T> informer, Function<? super Cached<T>, Collection<Key>> mapper,
        boolean previous) {
      bindings.add(enqueue -> informer.addHandler(new CachedHandler<T>() {
        @Override
        public void onAdd(Cached<T> object) {
          enqueue.accept(mapper.apply(object));
        }

        @Override
        public void onUpdate(Cached<T> before, Cached<T> current) {
          enqueue.accept(mapper.apply(current));
          if (previous) {
            enqueue.accept(mapper.apply(before));
          }
        }

        @Override
        public void onDelete(Cached<T> object) {
          enqueue.accept(mapper.apply(object));
        }
      }));
      if (!informers.contains(informer)) {
        informers.add(informer);
      }
      return this;
    }

    /** Runs when the controller is closed, after its workers stopped. */
    public Builder onClose(Runnable action) {
      onClose.add(action);
      return this;
    }

    public Controller build() {
      return new Controller(this);
    }
  }

  /** Keys of an object's owners of the given kind. */
  public static Function<JsonNode, Collection<Key>> owners(String ownerKind) {
    return obj -> {
      List<Key> keys = new ArrayList<>();
      String ns = obj.path("metadata").path("namespace").asText("");
      for (JsonNode ref : obj.path("metadata").path("ownerReferences")) {
        if (ownerKind.equals(ref.path("kind").asText())) {
          keys.add(new Key(ns.isEmpty() ? null : ns, ref.path("name").asText()));
        }
      }
      return keys;
    };
  }

}
