package io.disponent.store.internal;

/** Where watchers that start in the past read the events they missed. Thread-safe. */
public interface EventSource {

  /** The current revision (events up to it are readable). */
  long revision();

  /** The compacted revision; 0 if never compacted. */
  long compactRevision();

  /**
   * Every event (all keys) with fromRevision <= revision <= toRevision, in revision order then op
   * order, prevKv filled when known. Returns whole revisions only; may stop early once maxEvents is
   * reached (but returns at least one whole revision if any exists in range).
   *
   * @throws io.disponent.store.CompactedException if compactRevision > 0 and fromRevision <
   *     compactRevision
   */
  java.util.List<io.disponent.store.WatchEvent> events(long fromRevision, long toRevision, int maxEvents);
}
