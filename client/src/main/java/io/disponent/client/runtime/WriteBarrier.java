package io.disponent.client.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-go's "expectations" by resourceVersion: after a reconciler wrote objects for a key, its
 * next pass for that key waits until the informer's cache has caught up with those writes (the
 * store has one revision counter, so an informer past revision R holds every write up to R).
 * Without it, a pass that runs before the cache has seen the Tasks it just created creates them
 * again. A barrier older than {@code patience} is dropped, so a lost event cannot wedge a key.
 */
public final class WriteBarrier {

  private record Mark(long revision, Instant at) {}

  private final Map<Key, Mark> marks = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private final Duration patience;

  public WriteBarrier(InstantSource clock, Duration patience) {
    this.clock = clock;
    this.patience = patience;
  }

  /** Remembers that {@code key}'s pass wrote up to {@code resourceVersion} (ignored when not a number). */
  public void wrote(Key key, String resourceVersion) {
    long rv = parse(resourceVersion);
    if (rv > 0) {
      Instant now = clock.instant();
      marks.merge(key, new Mark(rv, now), (a, b) -> new Mark(Math.max(a.revision(), b.revision()), now));
    }
  }

  /** True when the cache, at {@code cacheResourceVersion}, holds every write recorded for {@code key}. */
  public boolean caughtUp(Key key, String cacheResourceVersion) {
    Mark m = marks.get(key);
    if (m == null) {
      return true;
    }
    if (parse(cacheResourceVersion) >= m.revision() || clock.instant().isAfter(m.at().plus(patience))) {
      marks.remove(key, m);
      return true;
    }
    return false;
  }

  private static long parse(String rv) {
    if (rv == null || rv.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
