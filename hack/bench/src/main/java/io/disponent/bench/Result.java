package io.disponent.bench;

/**
 * One measured run: one system, one mode, one concurrency.
 *
 * @param failures requests that failed or, for cas, whose compare did not hold; not in the latencies
 */
public record Result(
    String system, int replicas, Mode mode, int inflight, double opsPerSec, double p50Ms, double p99Ms,
    long failures) {}
