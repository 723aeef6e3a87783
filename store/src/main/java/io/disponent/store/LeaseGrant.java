package io.disponent.store;

/** A lease the store granted: keys attached to it vanish, in one revision, when it expires. */
public record LeaseGrant(long id, long ttlSeconds) {}
