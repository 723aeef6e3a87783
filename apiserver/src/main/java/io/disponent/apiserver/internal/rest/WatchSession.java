package io.disponent.apiserver.internal.rest;

import io.disponent.apiserver.internal.cache.WatchItem;
import io.disponent.apiserver.internal.errors.ApiException;
import java.util.List;

/** A watch as the HTTP layer streams it: catch-up items, then live ones until it ends. */
public interface WatchSession extends AutoCloseable {

  List<WatchItem> initial();

  /** The next item, or null after the timeout or once ended. */
  WatchItem poll(long timeoutMillis) throws InterruptedException;

  /** Whether no more items will come. */
  boolean ended();

  /** Why the watch failed, to send as an ERROR event; null when it just ended. */
  ApiException error();

  /** The revision up to which everything has been delivered, for bookmarks. */
  long revision();

  @Override
  void close();
}
