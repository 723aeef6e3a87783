package io.disponent.apiserver.internal.storage;

import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.store.CompactedException;
import io.disponent.store.ConflictException;
import io.disponent.store.FutureRevisionException;
import io.disponent.store.NoLeaderException;
import io.disponent.store.QuotaExceededException;
import io.disponent.store.RequestTooLargeException;
import io.disponent.store.StoreClosedException;
import io.disponent.store.StoreException;
import io.disponent.store.StoreTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for store futures on a request thread and turns store failures into API failures. */
public final class StoreCalls {

  private StoreCalls() {}

  /**
   * The future's value. {@link ConflictException} passes through unchanged (callers turn it into
   * the right 409); every other store failure becomes the matching {@link ApiException}.
   */
  public static <T> T await(CompletableFuture<T> future, Duration timeout) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("storage: interrupted");
    } catch (TimeoutException e) {
      future.cancel(false);
      throw ApiException.timeout("storage: the store did not answer within " + timeout.toSeconds() + "s");
    } catch (ExecutionException | CompletionException e) {
      throw translate(e.getCause() == null ? e : e.getCause());
    }
  }

  public static RuntimeException translate(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApiException a) {
      return a;
    }
    if (t instanceof ConflictException c) {
      return c;
    }
    if (t instanceof CompactedException c) {
      return ApiException.expired("too old resource version: " + c.requestedRevision() + " (" + c.compactRevision() + ")");
    }
    if (t instanceof FutureRevisionException f) {
      return ApiException.timeout("Too large resource version: " + f.requestedRevision() + ", current: " + f.currentRevision());
    }
    if (t instanceof RequestTooLargeException r) {
      return ApiException.tooLarge("storage: " + r.detail());
    }
    if (t instanceof QuotaExceededException q) {
      return new ApiException(507, "InsufficientStorage", "storage: " + q.getMessage(), null);
    }
    if (t instanceof NoLeaderException || t instanceof StoreTimeoutException || t instanceof StoreClosedException) {
      return ApiException.unavailable("storage: " + t.getMessage());
    }
    if (t instanceof StoreException s) {
      return ApiException.internal("storage: " + s.getMessage());
    }
    return ApiException.internal("storage: " + t);
  }
}
