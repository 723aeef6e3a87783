package io.disponent.controllers.plan.health;

import java.time.Instant;

/** One health-check outcome as the agent recorded it. */
public record HealthCheckResult(Instant at, boolean passed) {}
