package io.disponent.apiserver.internal.rest;

import io.disponent.apiserver.internal.cache.WatchCache;
import io.disponent.apiserver.internal.cache.WatchCaches;
import io.disponent.apiserver.internal.cache.WatchFilter;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.storage.Keys;
import io.disponent.apiserver.internal.storage.ObjectCodec;
import io.disponent.apiserver.internal.storage.StoreCalls;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.store.KeyRange;
import io.disponent.store.KeyValue;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Get, list and watch of any resource. Lists and watches come from the resource's watch cache;
 * a read that needs consistency first learns the store's current revision (one ReadIndex round)
 * and waits until the cache has caught up to it. Paginated and exact-revision lists read the
 * store at a revision, as Kubernetes does.
 */
public final class ResourceReads {

  /** A page of a list. */
  public record ListResult(List<StoredObject> items, long revision, String continueToken, Long remaining) {}

  private final Store store;
  private final WatchCaches caches;
  private final Duration timeout;

  public ResourceReads(Store store, WatchCaches caches, Duration timeout) {
    this.store = store;
    this.caches = caches;
    this.timeout = timeout;
  }

  public WatchCache cache(ResourceType type) {
    return caches.forPrefix(Keys.resourcePrefix(type));
  }

  /** A linearizable read of one object from the store. */
  public Optional<StoredObject> getFromStore(ResourceType type, String namespace, String name) {
    String key = Keys.key(type, namespace, name);
    RangeResponse r = StoreCalls.await(store.range(RangeRequest.key(key)), timeout);
    return r.kvs().stream().findFirst().map(ObjectCodec::decode);
  }

  public StoredObject get(ResourceType type, String namespace, String name, String resourceVersion) {
    Optional<StoredObject> found;
    if (resourceVersion == null || resourceVersion.isEmpty()) {
      found = getFromStore(type, namespace, name);
    } else {
      long rv = parseRevision(resourceVersion);
      found = Optional.ofNullable(cache(type).get(Keys.key(type, namespace, name), rv));
    }
    return found.orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
  }

  public ListResult list(ResourceType type, String namespace, ListOptions options) {
    WatchFilter filter = filter(type, namespace, options);
    String prefix = Keys.prefix(type, namespace);
    if (options.continueToken() != null) {
      ContinueToken token = ContinueToken.decode(options.continueToken());
      if (!token.startAfter().startsWith(prefix)) {
        throw ApiException.badRequest("continue key is not valid: it belongs to another list");
      }
      return listFromStore(prefix, filter, token.revision(), token.startAfter(), options.limit(), true);
    }
    if ("Exact".equals(options.resourceVersionMatch())) {
      return listFromStore(prefix, filter, options.revision(), null, options.limit(), true);
    }
    if (options.resourceVersion() == null && options.limit() > 0) {
      return listFromStore(prefix, filter, 0, null, options.limit(), false);
    }
    long minRevision = options.resourceVersion() == null ? currentRevision(prefix) : options.revision();
    WatchCache.Snapshot snap = cache(type).list(prefix, filter, minRevision);
    return new ListResult(snap.items(), snap.revision(), null, null);
  }

  public WatchSession watch(ResourceType type, String namespace, ListOptions options) {
    WatchFilter filter = filter(type, namespace, options);
    String prefix = Keys.prefix(type, namespace);
    WatchCache cache = cache(type);
    long from = options.revision();
    long min = options.resourceVersion() == null ? currentRevision(prefix) : 0;
    WatchCache.Registration reg = cache.watch(prefix, filter, from, min);
    if (reg != null) {
      return new CacheWatchSession(cache, reg);
    }
    long compacted = StoreCalls.await(store.status(), timeout).compactRevision();
    if (from < compacted) {
      throw ApiException.expired("too old resource version: " + from + " (" + compacted + ")");
    }
    return new StoreWatchSession(store, prefix, filter, from);
  }

  /** The store's current revision, read linearizably. */
  public long currentRevision(String prefix) {
    return StoreCalls.await(store.range(RangeRequest.prefix(prefix).withCountOnly()), timeout).revision();
  }

  private ListResult listFromStore(String prefix, WatchFilter filter, long revision, String startAfter, long limit,
      boolean tokenRevision) {
    KeyRange range = KeyRange.prefix(prefix);
    RangeRequest request = RangeRequest.of(range).atRevision(revision);
    if (startAfter != null) {
      request = request.continueAfter(startAfter);
    }
    List<StoredObject> items = new ArrayList<>();
    long readAt = revision;
    String lastKey = null;
    boolean more;
    do {
      RangeRequest page = limit > 0 ? request.withLimit(Math.max(limit - items.size(), 1)) : request;
      if (readAt > 0) {
        page = page.atRevision(readAt);
      }
      RangeResponse r = StoreCalls.await(store.range(page), timeout);
      if (readAt == 0) {
        readAt = r.revision();
      }
      for (KeyValue kv : r.kvs()) {
        StoredObject o = ObjectCodec.decode(kv);
        lastKey = kv.key();
        if (filter.matches(o)) {
          items.add(o);
        }
      }
      more = r.more();
      if (lastKey != null) {
        request = request.continueAfter(lastKey);
      }
    } while (more && (limit == 0 || items.size() < limit));
    String token = more && lastKey != null ? new ContinueToken(readAt, lastKey).encode() : null;
    return new ListResult(items, readAt, token, null);
  }

  static WatchFilter filter(ResourceType type, String namespace, ListOptions options) {
    if (options.fields() != null) {
      List<String> supported = new ArrayList<>(List.of("metadata.name", "metadata.namespace"));
      type.selectableFields().forEach(f -> supported.add(f.startsWith(".") ? f.substring(1) : f));
      List<String> unsupported = options.fields().unsupportedFields(supported);
      if (!unsupported.isEmpty()) {
        throw ApiException.badRequest("field label not supported: " + String.join(", ", unsupported));
      }
    }
    return new WatchFilter(type.namespaced() ? namespace : null, options.labels(), options.fields());
  }

  static long parseRevision(String rv) {
    try {
      long n = Long.parseLong(rv);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid resourceVersion \"" + rv + "\": must be a non-negative integer");
    }
  }
}
