package io.disponent.apiserver.internal.cache;

import io.disponent.apiserver.internal.storage.StoredObject;

/**
 * One line of a watch stream as one watcher sees it: the event type after its filter (an object
 * that stops matching is DELETED for it), or a BOOKMARK carrying only a revision.
 */
public record WatchItem(String type, StoredObject object, long revision) {

  public static WatchItem bookmark(long revision) {
    return new WatchItem("BOOKMARK", null, revision);
  }

  public boolean isBookmark() {
    return object == null;
  }
}
