package io.disponent.store.internal.mvcc;

import io.disponent.store.internal.codec.WireReader;
import io.disponent.store.internal.codec.WireWriter;

/**
 * The store's counters, written in the same batch as the changes of the entry they follow.
 *
 * @param dataSize sum over retained history records of key bytes + value bytes + {@link
 *     Records#RECORD_OVERHEAD}; deterministic, shrinks on compaction
 * @param nextLeaseId the id the next granted lease gets
 */
record MetaState(
    long appliedTerm, long appliedIndex, long revision, long compactRevision, long dataSize, long nextLeaseId) {

  static final byte[] KEY = {'m', 'e', 't', 'a'};
  private static final int FORMAT = 1;

  static final MetaState EMPTY = new MetaState(0, 0, 0, 0, 0, 1);

  byte[] encode() {
    return new WireWriter(64).u8(FORMAT)
        .varLong(appliedTerm).varLong(appliedIndex).varLong(revision).varLong(compactRevision)
        .varLong(dataSize).varLong(nextLeaseId)
        .toByteArray();
  }

  static MetaState decode(byte[] b) {
    WireReader r = new WireReader(b);
    int format = r.u8();
    if (format != FORMAT) {
      throw new IllegalStateException("unknown store meta format " + format);
    }
    return new MetaState(r.varLong(), r.varLong(), r.varLong(), r.varLong(), r.varLong(), r.varLong());
  }
}
