package io.disponent.bench;

/**
 * @param succeeded whether the compare held and the put was applied
 * @param modRevision the key's modRevision afterwards: the new one on success, the current one on
 *     failure, so the caller can track it and try again
 */
public record CasOutcome(boolean succeeded, long modRevision) {}
