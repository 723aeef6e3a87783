package io.disponent.store.internal.raft;

import io.disponent.store.StoreTuning;

/** Batch limits for a client's writes and reads. */
record BatchSettings(Batcher.Limits writes, Batcher.Limits reads) {
  static BatchSettings of(StoreTuning t) {
    return new BatchSettings(
        new Batcher.Limits(t.writeBatchItems(), t.writeBatchBytes(), t.writeBatchesInFlight()),
        new Batcher.Limits(t.readBatchItems(), 64 << 20, t.readBatchesInFlight()));
  }
}
