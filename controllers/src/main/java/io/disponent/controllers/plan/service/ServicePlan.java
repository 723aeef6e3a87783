package io.disponent.controllers.plan.service;

import io.disponent.crds.model.ServiceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the service reconciler applies, idempotently: create, kill, expunge, annotate the Tasks that were
 * replaced while unreachable, write the status, and look again after {@code requeueAfter} (a backoff or an
 * unreachable deadline) even without an event.
 */
public record ServicePlan(List<TaskCreate> create, List<TaskRemoval> kill, List<TaskRemoval> expunge,
    List<String> markReplaced, ServiceStatus status, Optional<Duration> requeueAfter) {
  public ServicePlan {
    create = List.copyOf(create);
    kill = List.copyOf(kill);
    expunge = List.copyOf(expunge);
    markReplaced = List.copyOf(markReplaced);
  }
}
