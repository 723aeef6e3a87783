package io.disponent.store.internal.mvcc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * When to compact, like etcd's revision and periodic compactors: keep the last {@code
 * retainRevisions} revisions, and/or the history of the last {@code retainAge}. With both, history
 * is kept as long as either wants it. Pure policy: the caller samples {@code (time, revision)}
 * now and then (the leader, say, every minute), asks for a target and proposes the compaction.
 */
public final class AutoCompaction {

  /** The store's revision at one moment. */
  public record Sample(Instant at, long revision) {
    public Sample {
      Objects.requireNonNull(at, "at");
    }
  }

  private final long retainRevisions;
  private final Duration retainAge;

  /**
   * @param retainRevisions keep this many newest revisions; 0 turns this rule off
   * @param retainAge keep the history of this long; zero or null turns this rule off
   */
  public AutoCompaction(long retainRevisions, Duration retainAge) {
    if (retainRevisions < 0 || (retainAge != null && retainAge.isNegative())) {
      throw new IllegalArgumentException("retention must not be negative");
    }
    this.retainRevisions = retainRevisions;
    this.retainAge = retainAge == null ? Duration.ZERO : retainAge;
  }

  public boolean enabled() {
    return retainRevisions > 0 || !retainAge.isZero();
  }

  /**
   * The revision to compact to, if there is one past {@code compactRevision}.
   *
   * @param samples the caller's samples, in any order
   */
  public OptionalLong target(List<Sample> samples, long revision, long compactRevision, Instant now) {
    if (!enabled()) {
      return OptionalLong.empty();
    }
    long target = Long.MAX_VALUE;
    if (retainRevisions > 0) {
      target = revision - retainRevisions;
    }
    if (!retainAge.isZero()) {
      Sample old = newestAtOrBefore(samples, now.minus(retainAge));
      if (old == null) {
        return OptionalLong.empty(); // not watched for long enough yet
      }
      target = Math.min(target, old.revision());
    }
    target = Math.min(target, revision);
    return target > compactRevision && target > 0 ? OptionalLong.of(target) : OptionalLong.empty();
  }

  /** The samples {@link #target} may still need: those newer than the age cutoff, and the newest older one. */
  public List<Sample> prune(List<Sample> samples, Instant now) {
    if (retainAge.isZero()) {
      return List.of();
    }
    Instant cutoff = now.minus(retainAge);
    Sample old = newestAtOrBefore(samples, cutoff);
    List<Sample> out = new ArrayList<>();
    for (Sample s : samples) {
      if (s == old || s.at().isAfter(cutoff)) {
        out.add(s);
      }
    }
    return out;
  }

  private static Sample newestAtOrBefore(List<Sample> samples, Instant cutoff) {
    Sample best = null;
    for (Sample s : samples) {
      if (!s.at().isAfter(cutoff) && (best == null || s.at().isAfter(best.at()))) {
        best = s;
      }
    }
    return best;
  }
}
