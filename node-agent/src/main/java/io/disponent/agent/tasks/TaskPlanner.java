package io.disponent.agent.tasks;

import io.disponent.crds.vocab.TaskStates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure decision of the agent loop: from the Tasks bound to this node (as the informer sees
 * them) and the sandboxes this agent has, which tasks to launch, report, kill, release or forget.
 * Level-based: the same inputs always give the same actions, and applying them twice is harmless.
 *
 * <pre>
 * API Task                         local process     action
 * not deleting, state open         none              Launch
 * not deleting, state was launched none              MarkLost (FAILED: no sandbox)
 * not deleting, terminal           none              -
 * not deleting                     any               Report
 * deleting                         running           Kill(deleted)
 * deleting                         ended             Release (report final state, drop finalizer)
 * deleting, our finalizer          none              Release
 * gone (after the first list)      running           Kill(orphan)
 * gone (after the first list)      ended             Forget
 * anything                         busy (launching or killing)  -
 * </pre>
 */
public final class TaskPlanner {
  private TaskPlanner() {}

  /** States that say a process was launched for the Task; with no sandbox for it the process is lost. */
  static final Set<String> LAUNCHED = Set.of(TaskStates.RUNNING, TaskStates.KILLING, TaskStates.UNREACHABLE);

  /** A Task bound to this node, as far as the planner cares. */
  public record ApiTask(String uid, String state, boolean deleting, boolean hasFinalizer) {
    boolean terminal() {
      return TaskStates.terminal(state);
    }
  }

  /** A sandbox this agent has: {@code ended} once its process has ended. */
  public record LocalTask(String uid, boolean ended) {}

  /**
   * @param synced whether {@code api} is a complete picture (the informer has listed at least
   *     once); without it nothing is killed or forgotten for being absent
   * @param busy uids with a launch or kill in progress: left alone
   */
  public static List<TaskAction> plan(Collection<ApiTask> api, boolean synced, Map<String, LocalTask> local,
      Set<String> busy) {
    List<TaskAction> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ApiTask t : api) {
      seen.add(t.uid());
      if (busy.contains(t.uid())) {
        continue;
      }
      LocalTask l = local.get(t.uid());
      if (t.deleting()) {
        if (l != null && !l.ended()) {
          out.add(new TaskAction.Kill(t.uid(), true));
        } else if (l != null || t.hasFinalizer()) {
          out.add(new TaskAction.Release(t.uid()));
        }
      } else if (l != null) {
        out.add(new TaskAction.Report(t.uid()));
      } else if (t.state() != null && LAUNCHED.contains(t.state())) {
        out.add(new TaskAction.MarkLost(t.uid()));
      } else if (!t.terminal()) {
        out.add(new TaskAction.Launch(t.uid()));
      }
    }
    if (synced) {
      for (LocalTask l : local.values()) {
        if (seen.contains(l.uid()) || busy.contains(l.uid())) {
          continue;
        }
        out.add(l.ended() ? new TaskAction.Forget(l.uid()) : new TaskAction.Kill(l.uid(), false));
      }
    }
    return out;
  }
}
