package io.disponent.store;

/**
 * What a replica reports of itself.
 *
 * @param leaderId the member it believes leads, or null when there is none
 * @param dbSizeBytes the live RocksDB files' size on disk
 * @param dataSizeBytes the logical size of the retained key space that the quota is checked against
 */
public record StoreStatus(
    String memberId,
    String leaderId,
    long term,
    long appliedIndex,
    long revision,
    long compactRevision,
    long dbSizeBytes,
    long dataSizeBytes) {}
