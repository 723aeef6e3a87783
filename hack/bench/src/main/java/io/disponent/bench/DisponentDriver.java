package io.disponent.bench;

import io.disponent.store.ConflictException;
import io.disponent.store.KeyValue;
import io.disponent.store.RangeRequest;
import io.disponent.store.Store;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The Disponent store through its public {@link Store} API. */
public final class DisponentDriver implements KvDriver {
  private final Store store;

  public DisponentDriver(Store store) {
    this.store = store;
  }

  @Override
  public String system() {
    return "disponent";
  }

  @Override
  public CompletableFuture<Long> put(String key, byte[] value) {
    return store.put(key, value);
  }

  @Override
  public CompletableFuture<CasOutcome> cas(String key, long expectedModRevision, byte[] value) {
    return store.update(key, value, expectedModRevision)
        .handle((revision, error) -> {
          if (error == null) {
            return new CasOutcome(true, revision);
          }
          Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
          if (cause instanceof ConflictException c) {
            return new CasOutcome(false, c.actualModRevision());
          }
          throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        });
  }

  @Override
  public CompletableFuture<byte[]> get(String key) {
    return store.range(RangeRequest.key(key))
        .thenApply(r -> r.kvs().stream().findFirst().map(KeyValue::value).orElse(null));
  }

  @Override
  public void close() {
    store.close();
  }
}
