package io.disponent.controllers.plan.placement;

import java.util.Optional;
import java.util.function.ToLongFunction;

/** Rejects a node whose free amount of one resource is below the task's ask: {@code insufficient cpus}. */
public final class ResourceChecker implements FeasibilityChecker {
  public static final ResourceChecker CPUS = new ResourceChecker("cpus", TaskToPlace::cpuMillis,
      NodeView::cpuMillis, ClusterView.Usage::cpuMillis);
  public static final ResourceChecker MEMORY = new ResourceChecker("memory", TaskToPlace::memoryBytes,
      NodeView::memoryBytes, ClusterView.Usage::memoryBytes);
  public static final ResourceChecker DISK = new ResourceChecker("disk", TaskToPlace::diskBytes,
      NodeView::diskBytes, ClusterView.Usage::diskBytes);

  private final String reason;
  private final ToLongFunction<TaskToPlace> ask;
  private final ToLongFunction<NodeView> allocatable;
  private final ToLongFunction<ClusterView.Usage> used;

  private ResourceChecker(String resource, ToLongFunction<TaskToPlace> ask, ToLongFunction<NodeView> allocatable,
      ToLongFunction<ClusterView.Usage> used) {
    this.reason = "insufficient " + resource;
    this.ask = ask;
    this.allocatable = allocatable;
    this.used = used;
  }

  @Override
  public Optional<String> reject(TaskToPlace task, NodeView node, ClusterView view) {
    long want = ask.applyAsLong(task);
    if (want == 0) {
      return Optional.empty();
    }
    long free = allocatable.applyAsLong(node) - used.applyAsLong(view.usage(node.name()));
    return want <= free ? Optional.empty() : Optional.of(reason);
  }
}
