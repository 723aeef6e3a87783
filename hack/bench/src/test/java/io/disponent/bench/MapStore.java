package io.disponent.bench;

import io.disponent.store.Compare;
import io.disponent.store.KeyValue;
import io.disponent.store.LeaseGrant;
import io.disponent.store.Member;
import io.disponent.store.Op;
import io.disponent.store.OpResult;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.Store;
import io.disponent.store.StoreStatus;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.Watch;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Just enough of a {@link Store} for the bench: single-key reads, puts and modRevision compares,
 * answered at once on the caller's thread (which the closed loop must survive without recursing).
 */
final class MapStore implements Store {
  private final Map<String, KeyValue> kvs = new HashMap<>();
  private final boolean down;
  private long revision;

  MapStore() {
    this(false);
  }

  /** @param down fail every write, as a store without a leader would */
  MapStore(boolean down) {
    this.down = down;
  }

  @Override
  public synchronized CompletableFuture<RangeResponse> range(RangeRequest request) {
    KeyValue kv = kvs.get(request.range().key());
    List<KeyValue> found = kv == null ? List.of() : List.of(kv);
    return CompletableFuture.completedFuture(new RangeResponse(found, found.size(), false, revision));
  }

  @Override
  public synchronized CompletableFuture<TxnResponse> txn(TxnRequest request) {
    if (down) {
      return CompletableFuture.failedFuture(new IllegalStateException("down"));
    }
    boolean holds = request.compares().stream().allMatch(this::holds);
    List<OpResult> results = new ArrayList<>();
    List<Op> ops = holds ? request.success() : request.failure();
    if (!ops.isEmpty()) {
      revision++;
    }
    for (Op op : ops) {
      Op.Put put = (Op.Put) op;
      KeyValue prev = kvs.get(put.key());
      long created = prev == null ? revision : prev.createRevision();
      long version = prev == null ? 1 : prev.version() + 1;
      kvs.put(put.key(), new KeyValue(put.key(), put.value(), created, revision, version, 0));
      results.add(new OpResult.PutResult(prev));
    }
    return CompletableFuture.completedFuture(new TxnResponse(holds, revision, results));
  }

  private boolean holds(Compare compare) {
    Compare.ModRevision c = (Compare.ModRevision) compare;
    KeyValue kv = kvs.get(c.key());
    return (kv == null ? 0 : kv.modRevision()) == c.revision();
  }

  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Void> compact(long revision) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<LeaseGrant> leaseGrant(long ttlSeconds) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Long> leaseKeepAlive(long leaseId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Void> leaseRevoke(long leaseId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<List<Member>> members() {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Void> addMember(Member member) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<Void> removeMember(String memberId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<StoreStatus> status() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
