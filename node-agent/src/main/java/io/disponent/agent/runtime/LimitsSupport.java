package io.disponent.agent.runtime;

/**
 * Whether this machine enforces task resource limits with cgroups, for the Node's status.
 *
 * @param enforced true when each task gets a cgroup with a memory limit (and a CPU quota when
 *     {@code cpu} is available)
 * @param version {@code v1}, {@code v2} or {@code none}
 * @param reason what was found, or why limits are not enforced
 */
public record LimitsSupport(boolean enforced, String version, String reason) {}
