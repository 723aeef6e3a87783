package io.disponent.controllers.plan.placement;

import io.disponent.crds.model.Constraint;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.Quantities;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.TaskSpec;
import java.util.List;

/**
 * An unbound Task and what it asks for.
 *
 * @param owner the owning Service's id, or the Task's own name when standalone
 * @param ports the ports to bind; those with a {@code hostPort} need exactly it
 * @param constraints the owning Service's constraints, all of which must hold
 */
public record TaskToPlace(String name, String owner, long cpuMillis, long memoryBytes, long diskBytes,
    List<PortSpec> ports, List<Constraint> constraints) {

  public TaskToPlace {
    ports = List.copyOf(ports == null ? List.of() : ports);
    constraints = List.copyOf(constraints == null ? List.of() : constraints);
  }

  /** Reads a Task with the CRD's defaults: 1 cpu, 128Mi memory, no disk. */
  public static TaskToPlace of(Task task, String owner, List<Constraint> constraints) {
    TaskSpec spec = task.spec();
    io.disponent.crds.model.Resources r = spec == null ? null : spec.resources();
    return new TaskToPlace(task.metadata().getName(), owner,
        Quantities.millis(r == null ? null : r.cpus(), 1000),
        Quantities.bytes(r == null ? null : r.memory(), 128L << 20),
        Quantities.bytes(r == null ? null : r.disk(), 0),
        spec == null ? null : spec.ports(), constraints);
  }
}
