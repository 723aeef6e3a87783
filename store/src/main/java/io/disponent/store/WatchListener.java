package io.disponent.store;

import java.util.List;

/**
 * Receives a watch's changes. Calls for one watch never overlap and come in revision order; a
 * listener must not block for long (a slow one is cancelled, see {@link WatchCancelledException}).
 */
public interface WatchListener {

  /** Changes of one or more whole revisions, in revision order. */
  void onEvents(List<WatchEvent> events);

  /** Every matching change up to and including {@code revision} has been delivered. */
  default void onProgress(long revision) {}

  /**
   * The watch ended and delivers nothing more: compacted start revision, too slow a listener, the
   * store closing. {@link WatchCancelledException#resumeRevision()} tells where to resume.
   */
  void onCancelled(StoreException cause);
}
