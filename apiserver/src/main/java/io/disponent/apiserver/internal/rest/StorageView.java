package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.cache.WatchItem;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.storage.StoredObject;
import java.util.List;
import java.util.function.Function;

/**
 * A resource served over another one's stored objects, converted each way, as Kubernetes serves
 * {@code events.k8s.io/v1} Events from the core Events: reads, writes and watches go to {@link
 * #storage}; every object crosses {@link #toStorage} on the way in and {@link #fromStorage} on
 * the way out.
 */
public record StorageView(
    ResourceType storage, Function<JsonNode, ObjectNode> toStorage, Function<JsonNode, ObjectNode> fromStorage,
    Function<JsonNode, List<StatusCause>> createChecks) {

  /**
   * Refuses a create through the view that the view's own rules forbid (run on the stored form,
   * before the storage kind's admission).
   *
   * @throws ApiException 422 with every cause
   */
  public void checkCreate(ResourceType view, ObjectNode stored) {
    List<StatusCause> causes = createChecks.apply(stored);
    if (!causes.isEmpty()) {
      throw ApiException.invalid(view.group(), view.kind(), view.qualifiedKind(),
          stored.path("metadata").path("name").asText(""), causes);
    }
  }

  /** A stored object as this view shows it (same key and revision). */
  public StoredObject show(StoredObject stored) {
    return new StoredObject(stored.key(), fromStorage.apply(stored.object()), stored.revision());
  }

  /** A write's answer as this view shows it; a {@code Status} (not an object of the kind) is left as it is. */
  public WriteResult show(WriteResult result) {
    if (!storage.kind().equals(result.object().path("kind").asText())) {
      return result;
    }
    return new WriteResult(result.code(), fromStorage.apply(result.object()), result.warnings());
  }

  /** A watch whose objects this view shows. */
  public WatchSession show(WatchSession session) {
    return new WatchSession() {
      @Override
      public List<WatchItem> initial() {
        return session.initial().stream().map(StorageView.this::show).toList();
      }

      @Override
      public WatchItem poll(long timeoutMillis) throws InterruptedException {
        WatchItem item = session.poll(timeoutMillis);
        return item == null ? null : show(item);
      }

      @Override
      public boolean ended() {
        return session.ended();
      }

      @Override
      public ApiException error() {
        return session.error();
      }

      @Override
      public long revision() {
        return session.revision();
      }

      @Override
      public void close() {
        session.close();
      }
    };
  }

  private WatchItem show(WatchItem item) {
    return item.isBookmark() ? item : new WatchItem(item.type(), show(item.object()), item.revision());
  }
}
