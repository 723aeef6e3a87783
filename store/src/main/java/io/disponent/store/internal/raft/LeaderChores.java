package io.disponent.store.internal.raft;

import io.disponent.store.LeaseNotFoundException;
import io.disponent.store.Store;
import io.disponent.store.StoreTuning;
import io.disponent.store.internal.mvcc.AutoCompaction;
import io.disponent.store.internal.mvcc.MvccStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What only the leader does, on a timer: revoke expired leases and compact old history. */
final class LeaderChores implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderChores.class);

  private final Store store;
  private final StoreStateMachine stateMachine;
  private final AutoCompaction compaction;
  private final Duration sampleEvery;
  private final Clock clock;
  /** Revisions seen while leading; touched only by the chores thread. */
  private List<AutoCompaction.Sample> samples = new ArrayList<>();
  private Instant lastSample = Instant.MIN;
  private volatile long compactingTo;

  LeaderChores(Store store, StoreStateMachine stateMachine, StoreTuning tuning, Clock clock) {
    this.store = store;
    this.stateMachine = stateMachine;
    this.compaction = new AutoCompaction(tuning.compactRetainRevisions(), tuning.compactRetainAge());
    Duration age = tuning.compactRetainAge() == null ? Duration.ZERO : tuning.compactRetainAge();
    this.sampleEvery = age.isZero() ? Duration.ofSeconds(5) : clamp(age.dividedBy(10), Duration.ofSeconds(1), Duration.ofMinutes(1));
    this.clock = clock;
  }

  private static Duration clamp(Duration d, Duration min, Duration max) {
    return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
  }

  @Override
  public void run() {
    try {
      for (long id : stateMachine.lessor().expired()) {
        LOG.debug("lease {} expired: revoking it", id);
        store.leaseRevoke(id).exceptionally(e -> {
          Throwable cause = RatisErrors.unwrap(e);
          if (!(cause instanceof LeaseNotFoundException)) {
            LOG.warn("revoking expired lease {} failed; will retry", id, cause);
          }
          return null;
        });
      }
      compact();
    } catch (RuntimeException e) {
      LOG.warn("leader chores failed", e);
    }
  }

  private void compact() {
    if (!compaction.enabled()) {
      return;
    }
    if (!stateMachine.lessor().isLeader()) {
      samples = new ArrayList<>();
      return;
    }
    Instant now = clock.instant();
    if (Duration.between(lastSample, now).compareTo(sampleEvery) < 0) {
      return;
    }
    lastSample = now;
    MvccStore mvcc = stateMachine.mvcc();
    long revision = mvcc.revision();
    samples.add(new AutoCompaction.Sample(now, revision));
    samples = new ArrayList<>(compaction.prune(samples, now));
    OptionalLong target = compaction.target(samples, revision, Math.max(mvcc.compactRevision(), compactingTo), now);
    if (target.isPresent()) {
      long rev = target.getAsLong();
      compactingTo = rev;
      LOG.info("auto-compacting history before revision {} (current revision {})", rev, revision);
      store.compact(rev).exceptionally(e -> {
        LOG.warn("auto-compaction to {} failed", rev, e);
        compactingTo = 0;
        return null;
      });
    }
  }
}
