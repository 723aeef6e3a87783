package io.disponent.store.internal.raft;

import io.disponent.store.LeaseNotFoundException;
import io.disponent.store.internal.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lease deadlines, kept only in the leader's memory as etcd does: keep-alives cost no log entry.
 * A new leader restarts every lease's full TTL, so a lease never expires early because of a
 * failover; it may outlive its TTL by up to one election. Expiry itself is replicated: the leader
 * proposes a revoke, and every replica deletes the lease's keys when it applies that.
 *
 * <p>Thread-safe: the deadline map is concurrent; {@code leader} is volatile.
 */
final class Lessor {
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final LongSupplier nanoClock;
  /** lease id -> deadline (nanoClock time); only filled while leading. */
  private final Map<Long, Long> deadlines = new ConcurrentHashMap<>();
  private final Map<Long, Long> ttls = new ConcurrentHashMap<>();
  /** lease id -> when its revoke was last proposed, so a slow revoke is not proposed every tick. */
  private final Map<Long, Long> proposed = new ConcurrentHashMap<>();
  private volatile boolean leader;

  Lessor(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** This replica leads now; {@code leases} (id -> TTL seconds) is the applied state. */
  void becomeLeader(Map<Long, Long> leases) {
    long now = nanoClock.getAsLong();
    deadlines.clear();
    ttls.clear();
    proposed.clear();
    leases.forEach((id, ttl) -> {
      ttls.put(id, ttl);
      deadlines.put(id, now + ttl * 1_000_000_000L);
    });
    leader = true;
  }

  void stepDown() {
    leader = false;
    deadlines.clear();
    ttls.clear();
    proposed.clear();
  }

  boolean isLeader() {
    return leader;
  }

  /** Applied on every replica; only the leader keeps a deadline. */
  void granted(long id, long ttlSeconds) {
    if (leader) {
      ttls.put(id, ttlSeconds);
      deadlines.put(id, nanoClock.getAsLong() + ttlSeconds * 1_000_000_000L);
    }
  }

  void revoked(long id) {
    deadlines.remove(id);
    ttls.remove(id);
    proposed.remove(id);
  }

  QueryResult keepAlive(long id, String leaderId) {
    if (!leader) {
      return new QueryResult.NotLeader(leaderId);
    }
    Long ttl = ttls.get(id);
    if (ttl == null) {
      return new QueryResult.Failed(new LeaseNotFoundException(id));
    }
    deadlines.put(id, nanoClock.getAsLong() + ttl * 1_000_000_000L);
    return new QueryResult.KeptAlive(ttl);
  }

  /** The leases whose revoke should be proposed now. */
  List<Long> expired() {
    if (!leader) {
      return List.of();
    }
    long now = nanoClock.getAsLong();
    List<Long> out = new ArrayList<>();
    deadlines.forEach((id, deadline) -> {
      if (deadline - now <= 0) {
        Long last = proposed.get(id);
        if (last == null || now - last >= RETRY_NANOS) {
          proposed.put(id, now);
          out.add(id);
        }
      }
    });
    return out;
  }
}
