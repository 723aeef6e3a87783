package io.disponent.store.internal.mvcc;

import io.disponent.store.internal.codec.WireReader;
import io.disponent.store.internal.codec.WireWriter;

/**
 * The store's counters, written in the same batch as the changes of the entry they follow.
 *
 * @param dataSize sum over retained history records of key bytes + value bytes + {@link
 *     Records#RECORD_OVERHEAD}; deterministic, shrinks as compaction drops records
 * @param nextLeaseId the id the next granted lease gets
 * @param compactTarget the revision a compaction in progress drops history for (it equals {@code
 *     compactRevision} then), or 0 when none is in progress
 * @param cursorRevision with {@code cursorSub}, the {@code events} key from which the compaction in
 *     progress continues (see {@link Applier}); 0 when none is in progress
 */
record MetaState(
    long appliedTerm, long appliedIndex, long revision, long compactRevision, long dataSize, long nextLeaseId,
    long compactTarget, long cursorRevision, int cursorSub) {

  static final byte[] KEY = {'m', 'e', 't', 'a'};
  /** 1: without the compaction cursor (read as "none in progress"); 2: with it. */
  private static final int FORMAT = 2;

  static final MetaState EMPTY = new MetaState(0, 0, 0, 0, 0, 1, 0, 0, 0);

  boolean compacting() {
    return compactTarget > 0;
  }

  byte[] encode() {
    return new WireWriter(80).u8(FORMAT)
        .varLong(appliedTerm).varLong(appliedIndex).varLong(revision).varLong(compactRevision)
        .varLong(dataSize).varLong(nextLeaseId)
        .varLong(compactTarget).varLong(cursorRevision).varLong(cursorSub)
        .toByteArray();
  }

  static MetaState decode(byte[] b) {
    WireReader r = new WireReader(b);
    int format = r.u8();
    if (format != 1 && format != FORMAT) {
      throw new IllegalStateException("unknown store meta format " + format);
    }
    long term = r.varLong();
    long index = r.varLong();
    long revision = r.varLong();
    long compactRevision = r.varLong();
    long dataSize = r.varLong();
    long nextLeaseId = r.varLong();
    if (format == 1) {
      return new MetaState(term, index, revision, compactRevision, dataSize, nextLeaseId, 0, 0, 0);
    }
    return new MetaState(term, index, revision, compactRevision, dataSize, nextLeaseId,
        r.varLong(), r.varLong(), (int) r.varLong());
  }
}
