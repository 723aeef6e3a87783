package io.disponent.controllers.plan;

import io.disponent.crds.vocab.TaskStates;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which instances go first when some must be killed: YoungestFirst (the default) or OldestFirst by creation
 * time, ties by name. Before either, Tasks that do not serve go first: replaced-while-unreachable ones,
 * then those not RUNNING, then Unhealthy ones.
 */
public enum KillSelection {
  YOUNGEST_FIRST, OLDEST_FIRST;

  /** The CRD value ({@code YoungestFirst}, {@code OldestFirst}); null or unknown is YoungestFirst. */
  public static KillSelection of(String value) {
    return "OldestFirst".equals(value) ? OLDEST_FIRST : YOUNGEST_FIRST;
  }

  /** {@code tasks} in kill order. */
  public List<TaskView> order(List<TaskView> tasks) {
    Comparator<TaskView> byAge = Comparator.comparing(TaskView::created,
        Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
    if (this == YOUNGEST_FIRST) {
      byAge = byAge.reversed();
    }
    Comparator<TaskView> order = Comparator.<TaskView>comparingInt(t -> t.replaced() ? 0 : 1)
        .thenComparingInt(t -> TaskStates.RUNNING.equals(t.state()) ? 1 : 0)
        .thenComparingInt(t -> t.unhealthy() ? 0 : 1)
        .thenComparing(byAge)
        .thenComparing(TaskView::name);
    return tasks.stream().sorted(order).toList();
  }
}
