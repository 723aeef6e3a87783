package io.disponent.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An etcd-semantics key space: one cluster-wide revision, MVCC ranges at past revisions,
 * compare-and-swap transactions, watches, leases and compaction, replicated by Raft.
 *
 * <p>Every method is asynchronous and thread-safe. A completed write is committed on a majority of
 * replicas and fsynced in their logs. Futures fail with a {@link StoreException}.
 */
public interface Store extends AutoCloseable {

  CompletableFuture<RangeResponse> range(RangeRequest request);

  CompletableFuture<TxnResponse> txn(TxnRequest request);

  /**
   * Starts a watch served by this process's replica. Fails the listener with {@link
   * CompactedException} when the start revision was compacted.
   */
  Watch watch(WatchRequest request, WatchListener listener);

  /** Discards history before {@code revision}: reads at older revisions fail afterwards. */
  CompletableFuture<Void> compact(long revision);

  CompletableFuture<LeaseGrant> leaseGrant(long ttlSeconds);

  /** Renews a lease to its full TTL; returns that TTL in seconds. */
  CompletableFuture<Long> leaseKeepAlive(long leaseId);

  /** Revokes a lease and deletes its keys in one revision. */
  CompletableFuture<Void> leaseRevoke(long leaseId);

  CompletableFuture<List<Member>> members();

  /** Adds a replica; it catches up by log or snapshot while the cluster serves. */
  CompletableFuture<Void> addMember(Member member);

  CompletableFuture<Void> removeMember(String memberId);

  CompletableFuture<StoreStatus> status();

  @Override
  void close();

  // Conveniences over range and txn.

  default CompletableFuture<Optional<KeyValue>> get(String key) {
    return range(RangeRequest.key(key)).thenApply(r -> r.kvs().stream().findFirst());
  }

  /** Puts unconditionally; returns the new revision. */
  default CompletableFuture<Long> put(String key, byte[] value) {
    return txn(TxnRequest.put(key, value)).thenApply(TxnResponse::revision);
  }

  default CompletableFuture<Long> put(String key, String value) {
    return put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Creates a key that must not exist; fails with {@link ConflictException} if it does. */
  default CompletableFuture<Long> create(String key, byte[] value, long lease) {
    return conditional(key, Compare.absent(key), new Op.Put(key, value, lease));
  }

  /** Replaces a key whose modRevision is {@code expectedModRevision}, else {@link ConflictException}. */
  default CompletableFuture<Long> update(String key, byte[] value, long expectedModRevision) {
    return conditional(key, Compare.modRevisionIs(key, expectedModRevision), new Op.Put(key, value));
  }

  /** Deletes a key whose modRevision is {@code expectedModRevision}, else {@link ConflictException}. */
  default CompletableFuture<Long> delete(String key, long expectedModRevision) {
    return conditional(key, Compare.modRevisionIs(key, expectedModRevision), Op.Delete.key(key));
  }

  private CompletableFuture<Long> conditional(String key, Compare compare, Op op) {
    // The failure branch reads nothing, so the conflict reports the key's modRevision by a read.
    return txn(TxnRequest.when(List.of(compare), List.of(op)))
        .thenCompose(r -> r.succeeded()
            ? CompletableFuture.completedFuture(r.revision())
            : get(key).thenApply(kv -> {
                throw new ConflictException(key, kv.map(KeyValue::modRevision).orElse(0L));
              }));
  }
}
