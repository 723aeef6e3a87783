package io.disponent.store;

import java.util.Objects;

/**
 * One change of one key. For a delete, {@code kv} holds the key with an empty value, version 0,
 * createRevision 0 and the deleting revision as modRevision (as etcd reports it).
 *
 * @param prevKv the key's state before the change, when the watch asked for it and it existed
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {

  public enum Type { PUT, DELETE }

  public WatchEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kv, "kv");
  }

  public long revision() {
    return kv.modRevision();
  }

  public WatchEvent withoutPrevKv() {
    return prevKv == null ? this : new WatchEvent(type, kv, null);
  }
}
