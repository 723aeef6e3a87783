package io.disponent.client.runtime;

/**
 * Told of changes to an informer's cache with the decoded objects, one at a time, on the informer's thread
 * (keep it quick). A resync calls {@link #onUpdate} with the same object twice. {@link EventHandler} is the
 * same with JSON only.
 */
public interface CachedHandler<T> {

  default void onAdd(Cached<T> object) {}

  default void onUpdate(Cached<T> previous, Cached<T> current) {}

  /** The last known state of a deleted object. */
  default void onDelete(Cached<T> object) {}
}
