/**
 * The store's MVCC key space on RocksDB ({@link io.disponent.store.internal.mvcc.MvccStore}) and
 * its compaction policy.
 *
 * <p>Layout (see {@code StoreDb}): {@code current} holds each live key's newest version, so reads
 * at the current revision never touch history; {@code history} holds every retained version and
 * deletion keyed by key and revision, for reads at past revisions; {@code events} lists what each
 * revision changed (type and key only, the versions are read from {@code history}); {@code leases}
 * and {@code lease_keys} hold leases and the keys attached to them; the default column family holds
 * the counters and the applied Raft term and index.
 *
 * <p>Invariants: each key has at most one history record per revision (a transaction may not write
 * a key twice); after compacting to C, each key has at most one record at or below C and it is not
 * a deletion; events at revisions below C are gone. So a key's versions newer than C and its newest
 * version at or below C are always there, which is all a read at or after C needs.
 */
package io.disponent.store.internal.mvcc;
