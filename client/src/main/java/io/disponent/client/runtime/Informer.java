package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.ApiException;
import io.disponent.client.ExpiredException;
import io.disponent.client.Gvr;
import io.disponent.client.ObjectList;
import io.disponent.client.ResourceReader;
import io.disponent.client.Watch;
import io.disponent.client.WatchEvent;
import io.disponent.client.WatchHandler;
import io.disponent.crds.model.Models;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a local cache of one resource's objects: lists, then watches from the list's
 * resourceVersion; a watch that ends is resumed from the last seen resourceVersion (bookmarks
 * included); a 410 (compacted, or out of the server's window) re-lists; other failures back off.
 * After a re-list, objects that vanished are reported deleted.
 *
 * <p>Reads ({@link #get}, {@link #list}, {@link #byIndex}) are thread-safe and never block on the
 * network; they answer the latest state seen. Each object is held as its JSON and a typed value made by
 * the mapper once, when the object arrives ({@link #of(ResourceReader, Gvr, Class)} decodes records of the
 * crds model): {@link #get}, {@link #list} and {@link #byIndex} answer the values, the {@code Cached}
 * variants both (a writer edits the JSON). Handlers and indexes are added before {@link #start} (a handler
 * added later is replayed the current objects as adds).
 */
public final class Informer<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Informer.class);

  private final ResourceReader client;
  private final Gvr gvr;
  private final String namespace;
  private final String labelSelector;
  private final String fieldSelector;
  private Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));
  private Duration resync;

  private final Indexer<T> indexer;
  private final List<CachedHandler<T>> handlers = new CopyOnWriteArrayList<>();
  /** Fans each change out to every handler; the indexer calls it under its lock, so in order. */
  private final CachedHandler<T> dispatch = new CachedHandler<>() {
    @Override
    public void onAdd(Cached<T> object) {
      handlers.forEach(h -> safely(() -> h.onAdd(object)));
    }

    @Override
    public void onUpdate(Cached<T> previous, Cached<T> current) {
      handlers.forEach(h -> safely(() -> h.onUpdate(previous, current)));
    }

    @Override
    public void onDelete(Cached<T> object) {
      handlers.forEach(h -> safely(() -> h.onDelete(object)));
    }
  };

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private ScheduledExecutorService resyncer;
  private volatile boolean synced;
  private volatile boolean closed;
  private volatile String resourceVersion;
  private volatile Watch watch;
  private volatile CompletableFuture<ApiException> watchEnd;

  public Informer(ResourceReader client, Gvr gvr, String namespace, String labelSelector, String fieldSelector,
      Function<JsonNode, T> mapper) {
    this.client = client;
    this.gvr = gvr;
    this.namespace = namespace;
    this.labelSelector = labelSelector;
    this.fieldSelector = fieldSelector;
    this.indexer = new Indexer<>(gvr.plural(), mapper);
    this.thread = new Thread(this::run, "informer-" + gvr.plural());
    this.thread.setDaemon(true);
  }

  /** All objects of the resource (every namespace), as JSON trees. */
  public static Informer<JsonNode> of(ResourceReader client, Gvr gvr) {
    return new Informer<>(client, gvr, null, null, null, j -> j);
  }

  /** All objects of the resource (every namespace), decoded into {@code type} of the crds model. */
  public static <T> Informer<T> of(ResourceReader client, Gvr gvr, Class<T> type) {
    return new Informer<>(client, gvr, null, null, null, j -> Models.read(j, type));
  }

  /** Backoff of re-lists and re-watches after failures (default 100 ms → 30 s). */
  public Informer<T> withBackoff(Backoff backoff) {
    this.backoff = backoff;
    return this;
  }

  /** Replays every cached object to the handlers as an update, every {@code period}. */
  public Informer<T> withResync(Duration period) {
    this.resync = period;
    return this;
  }

  /** A secondary index: {@code fn} gives the values an object is found under. */
  public Informer<T> addIndex(String name, Function<JsonNode, Collection<String>> fn) {
    indexer.addIndex(name, fn);
    return this;
  }

  public Informer<T> addHandler(CachedHandler<T> handler) {
    indexer.atomically(objects -> {
      handlers.add(handler);
      objects.forEach(e -> safely(() -> handler.onAdd(e)));
    });
    return this;
  }

  /** A handler of the JSON only. */
  public Informer<T> addHandler(EventHandler handler) {
    return addHandler(new CachedHandler<T>() {
      @Override
      public void onAdd(Cached<T> object) {
        handler.onAdd(object.json());
      }

      @Override
      public void onUpdate(Cached<T> previous, Cached<T> current) {
        handler.onUpdate(previous.json(), current.json());
      }

      @Override
      public void onDelete(Cached<T> object) {
        handler.onDelete(object.json());
      }
    });
  }

  public Gvr gvr() {
    return gvr;
  }

  public Informer<T> start() {
    thread.start();
    if (resync != null) {
      resyncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "resync-" + gvr.plural());
        t.setDaemon(true);
        return t;
      });
      resyncer.scheduleAtFixedRate(this::resyncNow, resync.toMillis(), resync.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** True once the first list is in the cache. */
  public boolean hasSynced() {
    return synced;
  }

  /** The resourceVersion a watch would resume from. */
  public String lastResourceVersion() {
    return resourceVersion;
  }

  public Optional<T> get(String namespace, String name) {
    return getCached(namespace, name).map(Cached::value);
  }

  public Optional<JsonNode> getJson(String namespace, String name) {
    return getCached(namespace, name).map(Cached::json);
  }

  public Optional<Cached<T>> getCached(String namespace, String name) {
    return indexer.get(namespace, name);
  }

  public List<T> list() {
    return values(indexer.list());
  }

  public List<Cached<T>> listCached() {
    return indexer.list();
  }

  public List<T> list(String namespace) {
    return values(indexer.list(namespace));
  }

  /** Objects found under {@code value} in the named index. */
  public List<T> byIndex(String index, String value) {
    return byIndexCached(index, value).stream().map(Cached::value).toList();
  }

  public List<Cached<T>> byIndexCached(String index, String value) {
    return indexer.byIndex(index, value);
  }

  private static <T> List<T> values(List<Cached<T>> cached) {
    List<T> out = new ArrayList<>(cached.size());
    cached.forEach(e -> out.add(e.value()));
    return out;
  }

  @Override
  public void close() {
    closed = true;
    if (resyncer != null) {
      resyncer.shutdownNow();
    }
    Watch w = watch;
    if (w != null) {
      w.close();
    }
    CompletableFuture<ApiException> end = watchEnd;
    if (end != null) {
      end.complete(null);
    }
    thread.interrupt();
    try {
      stopped.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the list/watch loop (informer thread)

  private void run() {
    int failures = 0;
    try {
      while (!closed) {
        try {
          if (resourceVersion == null) {
            ObjectList l = client.list(gvr, namespace, labelSelector, fieldSelector);
            indexer.replace(l.items(), dispatch);
            resourceVersion = l.resourceVersion();
            synced = true;
          }
          ApiException cause = watchOnce(resourceVersion);
          if (closed) {
            break;
          }
          if (cause == null) {
            failures = 0;
            continue;
          }
          throw cause;
        } catch (ExpiredException e) {
          log.info("{}: resourceVersion {} expired; re-listing", gvr.plural(), resourceVersion);
          resourceVersion = null;
          if (failures++ > 0) {
            pause(backoff.delay(failures - 2));
          }
        } catch (ApiException e) {
          if (closed) {
            break;
          }
          log.warn("{}: list/watch failed ({}); retrying in {}", gvr.plural(), e.getMessage(), backoff.delay(failures));
          pause(backoff.delay(failures++));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("{}: informer stopped by an unexpected error", gvr.plural(), e);
    } finally {
      stopped.countDown();
    }
  }

  private void pause(Duration d) throws InterruptedException {
    if (!closed) {
      Thread.sleep(d.toMillis());
    }
  }

  /** Watches until the stream ends; answers why (null: normal end). */
  private ApiException watchOnce(String from) throws InterruptedException {
    CompletableFuture<ApiException> end = new CompletableFuture<>();
    watchEnd = end;
    watch = client.watch(gvr, namespace, labelSelector, fieldSelector, from, new WatchHandler() {
      @Override
      public void onEvent(WatchEvent event) {
        if (!closed) {
          apply(event);
        }
      }

      @Override
      public void onClose(ApiException cause) {
        end.complete(cause);
      }
    });
    if (closed) {
      watch.close();
      return null;
    }
    try {
      return end.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      watch.close();
    }
  }

  private void apply(WatchEvent ev) {
    String rv = ev.resourceVersion();
    if (!ev.isBookmark()) {
      if ("DELETED".equals(ev.type())) {
        indexer.remove(ev.object(), dispatch);
      } else {
        indexer.upsert(ev.object(), dispatch);
      }
    }
    if (!rv.isEmpty()) {
      resourceVersion = rv;
    }
  }

  private void resyncNow() {
    indexer.atomically(objects -> objects.forEach(e -> dispatch.onUpdate(e, e)));
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.error("{}: an event handler failed", gvr.plural(), e);
    }
  }
}
