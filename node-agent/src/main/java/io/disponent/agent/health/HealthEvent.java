package io.disponent.agent.health;

import io.disponent.agent.runtime.TaskId;
import java.time.Instant;

/** A check of a task changed its health (UNKNOWN to HEALTHY, HEALTHY to UNHEALTHY, ...). */
public record HealthEvent(TaskId taskId, CheckSpec.Kind kind, int checkIndex, boolean healthy, String message,
    int consecutiveFailures, Instant at) {}
