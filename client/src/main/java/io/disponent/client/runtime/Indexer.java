package io.disponent.client.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An informer's cache: objects by namespace/name key, each decoded once, plus secondary indexes. Reads are
 * lock-free; changes are made under one lock and reported, in order and still under it, to the
 * {@link CachedHandler} the caller passes (an update only when the resourceVersion changed).
 */
final class Indexer<T> {

  /** Under Informer's name, which logging configurations already address. */
  private static final Logger log = LoggerFactory.getLogger(Informer.class);

  private final String resource;
  private final Function<JsonNode, T> mapper;
  private final Object lock = new Object();
  private final Map<String, Cached<T>> cache = new ConcurrentHashMap<>();
  private final Map<String, Function<JsonNode, Collection<String>>> indexers = new ConcurrentHashMap<>();
  /** index name → value → cache keys. */
  private final Map<String, Map<String, Set<String>>> indexes = new ConcurrentHashMap<>();

  /** {@code resource} names the cache in logs and errors. */
  Indexer(String resource, Function<JsonNode, T> mapper) {
    this.resource = resource;
    this.mapper = mapper;
  }

  void addIndex(String name, Function<JsonNode, Collection<String>> fn) {
    synchronized (lock) {
      indexers.put(name, fn);
      Map<String, Set<String>> idx = new ConcurrentHashMap<>();
      indexes.put(name, idx);
      cache.forEach((k, e) -> index(idx, fn, k, e.json(), true));
    }
  }

  /** Runs {@code action} on the current objects with no change in between. */
  void atomically(Consumer<Collection<Cached<T>>> action) {
    synchronized (lock) {
      action.accept(cache.values());
    }
  }

  Optional<Cached<T>> get(String namespace, String name) {
    return Optional.ofNullable(cache.get(key(namespace, name)));
  }

  List<Cached<T>> list() {
    return new ArrayList<>(cache.values());
  }

  List<Cached<T>> list(String namespace) {
    List<Cached<T>> out = new ArrayList<>();
    cache.values().forEach(e -> {
      if (namespace.equals(e.json().path("metadata").path("namespace").asText())) {
        out.add(e);
      }
    });
    return out;
  }

  List<Cached<T>> byIndex(String index, String value) {
    Map<String, Set<String>> idx = indexes.get(index);
    if (idx == null) {
      throw new IllegalArgumentException("runtime: no index " + index + " on " + resource);
    }
    List<Cached<T>> out = new ArrayList<>();
    for (String k : idx.getOrDefault(value, Set.of())) {
      Cached<T> e = cache.get(k);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  void upsert(JsonNode json, CachedHandler<T> changes) {
    synchronized (lock) {
      String k = key(json);
      Cached<T> fresh = decode(k, json);
      if (fresh == null) {
        return;
      }
      Cached<T> old = cache.put(k, fresh);
      if (old != null) {
        unindex(k, old.json());
      }
      indexers.forEach((name, fn) -> index(indexes.get(name), fn, k, json, true));
      if (old == null) {
        changes.onAdd(fresh);
      } else if (!rv(old.json()).equals(rv(json))) {
        changes.onUpdate(old, fresh);
      }
    }
  }

  /** Removes the object {@code last} names; {@code last} is its final state as the watch told it. */
  void remove(JsonNode last, CachedHandler<T> changes) {
    synchronized (lock) {
      remove(key(last), last, changes);
    }
  }

  /** After a (re-)list: upserts every item and removes what is gone. */
  void replace(List<JsonNode> items, CachedHandler<T> changes) {
    synchronized (lock) {
      Set<String> seen = new HashSet<>();
      for (JsonNode item : items) {
        seen.add(key(item));
        upsert(item, changes);
      }
      for (String k : List.copyOf(cache.keySet())) {
        if (!seen.contains(k)) {
          remove(k, cache.get(k).json(), changes);
        }
      }
    }
  }

  // under lock; last: the object's final state when the watch told it, else what was cached
  private void remove(String k, JsonNode last, CachedHandler<T> changes) {
    Cached<T> old = cache.remove(k);
    if (old == null) {
      return;
    }
    unindex(k, old.json());
    Cached<T> gone = last == old.json() ? old : decode(k, last);
    changes.onDelete(gone == null ? old : gone);
  }

  /** The object decoded, or null (logged) when it cannot be. */
  private Cached<T> decode(String k, JsonNode json) {
    try {
      return new Cached<>(json, mapper.apply(json));
    } catch (RuntimeException e) {
      log.warn("{}: cannot map {} ({}); skipping it", resource, k, e.getMessage());
      return null;
    }
  }

  private void unindex(String k, JsonNode json) {
    indexers.forEach((name, fn) -> index(indexes.get(name), fn, k, json, false));
  }

  private static void index(Map<String, Set<String>> idx, Function<JsonNode, Collection<String>> fn, String k,
      JsonNode json, boolean add) {
    for (String v : fn.apply(json)) {
      if (add) {
        idx.computeIfAbsent(v, x -> ConcurrentHashMap.newKeySet()).add(k);
      } else {
        idx.computeIfPresent(v, (x, keys) -> {
          keys.remove(k);
          return keys.isEmpty() ? null : keys;
        });
      }
    }
  }

  private static String rv(JsonNode json) {
    return json.path("metadata").path("resourceVersion").asText("");
  }

  private static String key(JsonNode json) {
    JsonNode meta = json.path("metadata");
    return key(meta.path("namespace").asText(""), meta.path("name").asText());
  }

  private static String key(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
