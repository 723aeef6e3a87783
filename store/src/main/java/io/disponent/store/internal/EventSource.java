package io.disponent.store.internal;

import io.disponent.store.CompactedException;
import io.disponent.store.WatchEvent;
import java.util.List;

/** The ordered change history that watches catch up from. Thread-safe. */
public interface EventSource {

  /** The newest revision whose events are available. */
  long revision();

  /** Events of revisions below this one may be gone (0 when nothing was compacted). */
  long compactRevision();

  /**
   * Every event (of every key) with {@code fromRevision <= revision <= toRevision}, in revision
   * order and, within a revision, in the order its ops were applied. {@code prevKv} is filled when
   * the key's previous version is still retained. Once {@code maxEvents} are collected the list
   * ends at a whole-revision boundary, but it always holds at least one whole revision if any.
   *
   * @throws CompactedException if {@code fromRevision < compactRevision()}
   */
  List<WatchEvent> events(long fromRevision, long toRevision, int maxEvents);
}
