package io.disponent.apiserver.internal.cache;

import io.disponent.apiserver.internal.storage.StoredObject;

/**
 * One change of one object as the cache saw it.
 *
 * @param object the new state; for a delete, the last state with the deleting revision
 * @param previous the state before the change (null for an add)
 */
public record CacheEvent(Type type, StoredObject object, StoredObject previous, long revision) {

  public enum Type { ADDED, MODIFIED, DELETED }
}
