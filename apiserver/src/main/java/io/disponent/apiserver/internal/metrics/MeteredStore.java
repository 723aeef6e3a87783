package io.disponent.apiserver.internal.metrics;

import io.disponent.store.LeaseGrant;
import io.disponent.store.Member;
import io.disponent.store.RangeRequest;
import io.disponent.store.RangeResponse;
import io.disponent.store.Store;
import io.disponent.store.StoreStatus;
import io.disponent.store.TxnRequest;
import io.disponent.store.TxnResponse;
import io.disponent.store.Watch;
import io.disponent.store.WatchListener;
import io.disponent.store.WatchRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link Store} that times range and txn requests into {@link ApiMetrics}. */
public final class MeteredStore implements Store {

  private final Store delegate;
  private final ApiMetrics metrics;

  public MeteredStore(Store delegate, ApiMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public CompletableFuture<RangeResponse> range(RangeRequest request) {
    long start = System.nanoTime();
    return delegate.range(request).whenComplete((r, e) -> metrics.store("range", System.nanoTime() - start));
  }

  @Override
  public CompletableFuture<TxnResponse> txn(TxnRequest request) {
    long start = System.nanoTime();
    return delegate.txn(request).whenComplete((r, e) -> metrics.store("txn", System.nanoTime() - start));
  }

  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    return delegate.watch(request, listener);
  }

  @Override
  public CompletableFuture<Void> compact(long revision) {
    return delegate.compact(revision);
  }

  @Override
  public CompletableFuture<LeaseGrant> leaseGrant(long ttlSeconds) {
    return delegate.leaseGrant(ttlSeconds);
  }

  @Override
  public CompletableFuture<Long> leaseKeepAlive(long leaseId) {
    return delegate.leaseKeepAlive(leaseId);
  }

  @Override
  public CompletableFuture<Void> leaseRevoke(long leaseId) {
    return delegate.leaseRevoke(leaseId);
  }

  @Override
  public CompletableFuture<List<Member>> members() {
    return delegate.members();
  }

  @Override
  public CompletableFuture<Void> addMember(Member member) {
    return delegate.addMember(member);
  }

  @Override
  public CompletableFuture<Void> removeMember(String memberId) {
    return delegate.removeMember(memberId);
  }

  @Override
  public CompletableFuture<StoreStatus> status() {
    return delegate.status();
  }

  @Override
  public void close() {
    // The store belongs to whoever passed it in.
  }
}
