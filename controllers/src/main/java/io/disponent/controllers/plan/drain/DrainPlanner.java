package io.disponent.controllers.plan.drain;

import io.disponent.controllers.plan.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drain with surge: for each live Task on a cordoned node, a replacement of the same Service starts
 * elsewhere first (the node is unschedulable, so placement avoids it), and the old Task is killed only once
 * its replacement is RUNNING, healthy and ready. Standalone Tasks (no Service) have nothing to replace them
 * and are killed at once. A replacement that dies is started again on the next plan. Pure.
 */
public final class DrainPlanner {
  private DrainPlanner() {}

  /**
   * @param tasks every Task that may be on {@code node} or replace one there (for example the namespace's)
   */
  public static DrainPlan plan(String node, List<TaskView> tasks) {
    List<DrainPlan.Surge> start = new ArrayList<>();
    List<String> kill = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    List<TaskView> onNode = tasks.stream().filter(t -> node.equals(t.node())).filter(TaskView::live)
        .sorted(java.util.Comparator.comparing(TaskView::name)).toList();
    for (TaskView t : onNode) {
      if (t.owner() == null) {
        kill.add(t.name());
        continue;
      }
      Optional<TaskView> replacement = tasks.stream()
          .filter(r -> t.name().equals(r.replaces()) && r.live() && !node.equals(r.node())).findFirst();
      if (replacement.isEmpty()) {
        start.add(new DrainPlan.Surge(t.owner(), t.name(), t.revision()));
        waiting.add(t.name());
      } else if (replacement.get().healthy() && replacement.get().ready()) {
        kill.add(t.name());
      } else {
        waiting.add(t.name());
      }
    }
    return new DrainPlan(start, kill, waiting, onNode.isEmpty());
  }
}
