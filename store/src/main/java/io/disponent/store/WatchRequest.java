package io.disponent.store;

import java.time.Duration;
import java.util.Objects;

/**
 * A watch over a key or an interval of keys.
 *
 * @param startRevision deliver every change from this revision on (inclusive); 0 for changes after
 *     the current revision. A revision below the compacted one fails with {@link
 *     CompactedException} (history at the compacted revision itself is kept, as in etcd).
 * @param prevKv also deliver each changed key's previous state
 * @param progressInterval how often to send a progress notification while nothing matches (null
 *     for never); a notification says every matching change up to its revision has been delivered
 */
public record WatchRequest(KeyRange range, long startRevision, boolean prevKv, Duration progressInterval) {

  public WatchRequest {
    Objects.requireNonNull(range, "range");
    if (startRevision < 0) {
      throw new IllegalArgumentException("startRevision must not be negative");
    }
  }

  public static WatchRequest of(KeyRange range, long startRevision) {
    return new WatchRequest(range, startRevision, false, null);
  }

  public WatchRequest withPrevKv() {
    return new WatchRequest(range, startRevision, true, progressInterval);
  }

  public WatchRequest withProgress(Duration interval) {
    return new WatchRequest(range, startRevision, prevKv, interval);
  }
}
