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
 * a key twice). Compacting to C takes effect logically at once (reads below C are refused), and its
 * physical work runs in bounded steps at the end of the following entries, from a cursor kept in the
 * meta record; once it is done, each key has at most one record at or below C and it is not a
 * deletion, and events at revisions below C are gone. At every step a key's versions newer than C
 * are there, and its newest record at or below C is there unless it was a deletion whose older
 * records were all dropped before it; that is all a read at or after C needs. The one thing a read
 * could see of records not yet dropped, the previous version of a key changed exactly at C, is
 * always reported as none, as after a finished compaction.
 */
package io.disponent.store.internal.mvcc;
