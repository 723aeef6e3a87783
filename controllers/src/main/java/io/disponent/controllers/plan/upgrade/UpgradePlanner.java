package io.disponent.controllers.plan.upgrade;

import io.disponent.controllers.plan.KillSelection;
import io.disponent.controllers.plan.TaskView;
import io.disponent.crds.model.TaskTemplate;
import io.disponent.crds.model.UpgradeStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling upgrades with Marathon's meanings, one level-triggered step at a time. With {@code n} instances:
 * <ul>
 *   <li>minHealthy = ceil(n * minimumHealthCapacity): Tasks that must stay healthy (old healthy, plus new
 *       ones that are healthy AND ready) while old ones are killed;
 *   <li>maxTotal = n + floor(n * maximumOverCapacity): live Tasks allowed, old and new together.
 * </ul>
 * Each step kills old Tasks that do not serve (not RUNNING or Unhealthy) and as many healthy old ones as
 * keep minHealthy, then starts new ones up to maxTotal (never more than n new). When neither can move
 * (minimumHealthCapacity 1 with maximumOverCapacity 0, which Marathon refuses), one old Task is killed so
 * the upgrade progresses. Both strategy fields default to 1 (start all new before killing any old).
 */
public final class UpgradePlanner {
  private UpgradePlanner() {}

  /**
   * The next step, given the live Tasks of the old revisions and of the new one.
   */
  public static UpgradeStep step(int instances, UpgradeStrategy strategy, List<TaskView> old, List<TaskView> fresh,
      KillSelection killSelection) {
    double minCap = strategy == null || strategy.minimumHealthCapacity() == null ? 1.0
        : strategy.minimumHealthCapacity();
    double overCap = strategy == null || strategy.maximumOverCapacity() == null ? 1.0
        : strategy.maximumOverCapacity();
    int minHealthy = (int) Math.ceil(instances * minCap - 1e-9);
    int maxTotal = instances + (int) Math.floor(instances * overCap + 1e-9);
    long freshServing = fresh.stream().filter(t -> t.healthy() && t.ready()).count();
    if (old.isEmpty()) {
      return new UpgradeStep(0, List.of(), true, "NewRevisionAvailable",
          freshServing + " of " + instances + " new instances healthy and ready");
    }

    List<String> kill = new ArrayList<>();
    List<TaskView> oldHealthy = new ArrayList<>();
    for (TaskView t : killSelection.order(old)) {
      if (t.healthy()) {
        oldHealthy.add(t);
      } else {
        kill.add(t.name());
      }
    }
    long spare = oldHealthy.size() + freshServing - minHealthy;
    for (int i = 0; i < oldHealthy.size() && spare > 0; i++, spare--) {
      kill.add(oldHealthy.get(i).name());
    }
    int liveAfter = old.size() - kill.size() + fresh.size();
    int start = Math.max(0, Math.min(maxTotal - liveAfter, instances - fresh.size()));
    if (start == 0 && kill.isEmpty() && fresh.size() < instances && freshServing == fresh.size()) {
      kill.add(oldHealthy.get(0).name()); // strategy leaves no room to move: trade one old for one new
    }
    String message = freshServing + " of " + instances + " new instances healthy and ready, "
        + (old.size() - kill.size()) + " old left (minimum healthy " + minHealthy + ", maximum " + maxTotal + ")";
    return new UpgradeStep(start, kill, false, "RollingUpdate", message);
  }

  /** The template of {@code toRevision} to write back into the Service's spec (kubectl rollout undo). */
  public static TaskTemplate rollback(RevisionHistory history, int toRevision) {
    return history.find(toRevision).map(Revision::template).orElseThrow(() -> new IllegalArgumentException(
        "upgrade: no revision " + toRevision + " in the history (kept: " + history.numbers() + ")"));
  }
}
