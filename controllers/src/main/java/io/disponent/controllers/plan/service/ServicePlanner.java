package io.disponent.controllers.plan.service;

import io.disponent.controllers.plan.Conditions;
import io.disponent.controllers.plan.KillSelection;
import io.disponent.controllers.plan.TaskView;
import io.disponent.controllers.plan.TemplateHash;
import io.disponent.controllers.plan.backoff.Backoff;
import io.disponent.controllers.plan.health.KillBudget;
import io.disponent.controllers.plan.upgrade.UpgradePlanner;
import io.disponent.controllers.plan.upgrade.UpgradeStep;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Service;
import io.disponent.crds.model.ServiceSpec;
import io.disponent.crds.model.ServiceStatus;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.UnreachableStrategy;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Labels;
import io.disponent.crds.vocab.TaskStates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service controller's planner: from a Service, its Tasks, node readiness and {@code now}, the
 * {@link ServicePlan}. Pure. In order:
 * <ol>
 *   <li>Expunge terminal Tasks (FINISHED, KILLED, GONE), Tasks on nodes that no longer exist, and UNREACHABLE
 *       ones past {@code expungeAfterSeconds} (default 600).
 *   <li>Count the live instances: not terminal, not KILLING, not UNREACHABLE past {@code inactiveAfterSeconds}
 *       (default 300; those are annotated replaced and a new one is made elsewhere), not drained (a live Task
 *       that another live one {@code replaces}).
 *   <li>Kill Unhealthy ones (they are replaced) unless {@link KillBudget} suspends health kills.
 *   <li>If live Tasks of another revision remain, take the {@link UpgradePlanner} step; else create the
 *       missing instances or kill the surplus in {@link KillSelection} order (returned replaced ones first).
 *   <li>Each create first replaces a FAILED/ERROR Task, after its {@link Backoff} delay; the rest launch now.
 *   <li>Status: counts, revisions, conditions Available, Progressing, Stalled (crash loop, reason
 *       CrashLoop, with the last failure's message; else instances the scheduler cannot place, reason
 *       Unschedulable, with its placement message) and HealthKillsSuspended.
 * </ol>
 */
public final class ServicePlanner {
  /** Failures in a row from which a Service is reported crash-looping. */
  public static final int CRASH_LOOP_FAILURES = 3;

  private ServicePlanner() {}

  /**
   * @param nodeReady Ready per existing node name; a Task bound to a node absent from it is expunged
   */
  public static ServicePlan plan(Service service, List<Task> tasks, Map<String, Boolean> nodeReady, Instant now) {
    ServiceSpec spec = service.spec();
    long generation = service.metadata().getGeneration() == null ? 0 : service.metadata().getGeneration();
    List<Condition> previous = service.status() == null || service.status().conditions() == null ? List.of()
        : service.status().conditions();
    int instances = spec.instances() == null ? 1 : spec.instances();
    String revision = TemplateHash.of(spec.template());
    KillSelection selection = KillSelection.of(spec.killSelection());
    UnreachableStrategy us = spec.unreachableStrategy();
    Duration inactiveAfter = Duration.ofSeconds(us == null || us.inactiveAfterSeconds() == null ? 300
        : us.inactiveAfterSeconds());
    Duration expungeAfter = Duration.ofSeconds(us == null || us.expungeAfterSeconds() == null ? 600
        : us.expungeAfterSeconds());

    List<TaskView> views = tasks.stream().map(TaskView::of).toList();
    List<TaskRemoval> kill = new ArrayList<>();
    List<TaskRemoval> expunge = new ArrayList<>();
    List<String> markReplaced = new ArrayList<>();
    List<TaskView> failed = new ArrayList<>();
    List<TaskView> live = new ArrayList<>();
    Deadlines deadlines = new Deadlines(now);
    Set<String> surged = new HashSet<>();
    views.stream().filter(TaskView::live).filter(t -> t.replaces() != null).forEach(t -> surged.add(t.replaces()));

    for (TaskView t : views) {
      boolean nodeGone = t.node() != null && !nodeReady.containsKey(t.node());
      if (t.state() != null && TaskStates.FAILURES.contains(t.state())) {
        failed.add(t);
      } else if (TaskStates.terminal(t.state())) {
        expunge.add(new TaskRemoval(t.name(), TaskRemoval.Reason.TERMINAL));
      } else if (nodeGone) {
        expunge.add(new TaskRemoval(t.name(), TaskRemoval.Reason.NODE_GONE));
      } else if (TaskStates.UNREACHABLE.equals(t.state())) {
        Instant since = t.unreachableSince() == null ? now : t.unreachableSince();
        if (!now.isBefore(since.plus(expungeAfter))) {
          expunge.add(new TaskRemoval(t.name(), TaskRemoval.Reason.UNREACHABLE_EXPUNGED));
        } else if (!now.isBefore(since.plus(inactiveAfter))) {
          if (!t.replaced()) {
            markReplaced.add(t.name());
          }
          deadlines.at(since.plus(expungeAfter));
        } else {
          live.add(t);
          deadlines.at(since.plus(inactiveAfter));
        }
      } else if (t.live() && !surged.contains(t.name())) {
        live.add(t);
      }
    }

    // Checks fail one task at a time, and each is replaced before the next fails: a replacement of a
    // health kill counts as unhealthy until it is Healthy, so a shared cause still trips the budget.
    Set<String> afterHealthKill = new HashSet<>();
    for (Task task : tasks) {
      if (task.metadata() != null && task.metadata().getAnnotations() != null
          && "true".equals(task.metadata().getAnnotations().get(Annotations.AFTER_HEALTH_KILL))) {
        afterHealthKill.add(task.metadata().getName());
      }
    }
    long unhealthy = live.stream().filter(TaskView::unhealthy).count()
        + live.stream().filter(t -> afterHealthKill.contains(t.name()) && !t.healthy() && !t.unhealthy()).count();
    KillBudget budget = KillBudget.of(instances, (int) unhealthy, generation, previous, now);
    int healthKills = 0;
    if (budget.killsAllowed()) {
      for (TaskView t : List.copyOf(live)) {
        if (t.unhealthy()) {
          kill.add(new TaskRemoval(t.name(), TaskRemoval.Reason.UNHEALTHY));
          live.remove(t);
          healthKills++;
        }
      }
    }

    List<TaskView> old = live.stream().filter(t -> !revision.equals(t.revision())).toList();
    List<TaskView> fresh = live.stream().filter(t -> revision.equals(t.revision())).toList();
    int toCreate;
    UpgradeStep step = null;
    if (!old.isEmpty()) {
      step = UpgradePlanner.step(instances, spec.upgradeStrategy(), old, fresh, selection);
      step.kill().forEach(n -> kill.add(new TaskRemoval(n, TaskRemoval.Reason.UPGRADE)));
      toCreate = step.start();
    } else if (live.size() > instances) {
      toCreate = 0;
      List<TaskView> order = selection.order(live);
      for (int i = 0; i < live.size() - instances; i++) {
        TaskView t = order.get(i);
        kill.add(new TaskRemoval(t.name(), t.replaced() ? TaskRemoval.Reason.SURPLUS_AFTER_UNREACHABLE
            : TaskRemoval.Reason.SCALE_DOWN));
      }
    } else {
      toCreate = instances - live.size();
    }

    List<TaskCreate> create = new ArrayList<>();
    Duration resetAfter = Backoff.resetAfter(spec.maxLaunchDelaySeconds());
    int crashLoop = 0;
    String lastFailure = null;
    Instant lastFailureAt = null;
    failed.sort(Comparator.comparing(TaskView::finishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(TaskView::name));
    for (TaskView f : failed) {
      int failures = Backoff.failuresAfter(f.consecutiveFailures(), f.startedAt(), f.finishedAt(), resetAfter);
      crashLoop = Math.max(crashLoop, failures);
      lastFailure = f.failureMessage();
      lastFailureAt = f.finishedAt();
      if (toCreate == 0) {
        expunge.add(new TaskRemoval(f.name(), TaskRemoval.Reason.FAILED_SUPERSEDED));
        continue;
      }
      toCreate--;
      Instant at = Backoff.nextLaunch(f.finishedAt() == null ? now : f.finishedAt(), failures,
          spec.backoffSeconds(), spec.backoffFactor(), spec.maxLaunchDelaySeconds());
      if (now.isBefore(at)) {
        deadlines.at(at);
      } else {
        create.add(new TaskCreate(revision, f.name(), failures, f.failureMessage()));
        expunge.add(new TaskRemoval(f.name(), TaskRemoval.Reason.FAILED_RELAUNCHED));
      }
    }
    for (int i = 0; i < toCreate; i++) {
      create.add(new TaskCreate(revision, null, 0, null, i < healthKills));
    }
    for (TaskView t : live) {
      if (!t.healthy() && t.consecutiveFailures() >= crashLoop && t.consecutiveFailures() > 0) {
        crashLoop = t.consecutiveFailures();
        if (lastFailure == null) {
          lastFailure = t.failureMessage();
        }
      }
    }

    ServiceStatus status = status(service, views, nodeReady, revision, instances, generation, previous, now, budget,
        step, crashLoop, lastFailure, lastFailureAt, create.size(), kill.size(), Unplaceable.of(tasks));
    return new ServicePlan(create, kill, expunge, markReplaced, status, deadlines.next());
  }

  private static ServiceStatus status(Service service, List<TaskView> views, Map<String, Boolean> nodeReady,
      String revision, int instances, long generation, List<Condition> previous, Instant now, KillBudget budget,
      UpgradeStep step, int crashLoop, String lastFailure, Instant lastFailureAt, int creating, int killing,
      Optional<Unplaceable> unplaceable) {
    List<TaskView> running = views.stream().filter(t -> TaskStates.RUNNING.equals(t.state()))
        .filter(t -> Boolean.TRUE.equals(nodeReady.get(t.node()))).toList();
    int healthy = (int) running.stream().filter(TaskView::healthy).count();
    var strategy = service.spec().upgradeStrategy();
    double minCap = strategy == null || strategy.minimumHealthCapacity() == null ? 1.0
        : strategy.minimumHealthCapacity();
    int minHealthy = (int) Math.ceil(instances * minCap - 1e-9);
    String current = running.stream().min(Comparator.comparing(TaskView::created,
        Comparator.nullsLast(Comparator.naturalOrder()))).map(TaskView::revision).orElse(revision);

    List<Condition> conditions = new ArrayList<>();
    boolean available = healthy >= minHealthy;
    conditions.add(Conditions.of(previous, ConditionTypes.AVAILABLE, available ? "True" : "False",
        available ? "MinimumHealthy" : "BelowMinimumHealthy",
        healthy + " of " + instances + " instances healthy (minimum " + minHealthy + ")", generation, now));
    if (step != null) {
      conditions.add(Conditions.of(previous, ConditionTypes.PROGRESSING, "True", step.reason(), step.message(), generation, now));
    } else if (creating > 0 || killing > 0 || healthy < instances) {
      conditions.add(Conditions.of(previous, ConditionTypes.PROGRESSING, "True", "Scaling", "revision " + revision + ": "
          + healthy + " of " + instances + " instances healthy", generation, now));
    } else {
      conditions.add(Conditions.of(previous, ConditionTypes.PROGRESSING, "True", "NewRevisionAvailable",
          "revision " + revision + " is available", generation, now));
    }
    boolean looping = crashLoop >= CRASH_LOOP_FAILURES;
    if (looping) {
      conditions.add(Conditions.of(previous, ConditionTypes.STALLED, "True", "CrashLoop", crashLoop + " failures in a row"
          + (lastFailureAt == null ? "" : ", last at " + lastFailureAt)
          + (lastFailure == null ? "" : ": " + lastFailure), generation, now));
    } else if (unplaceable.isPresent()) {
      conditions.add(Conditions.of(previous, ConditionTypes.STALLED, "True", "Unschedulable",
          unplaceable.get().describe(instances), generation, now));
    } else {
      conditions.add(Conditions.of(previous, ConditionTypes.STALLED, "False", "Launching", "instances launch",
          generation, now));
    }
    conditions.add(budget.condition());
    return new ServiceStatus(generation, views.size(), running.size(), healthy,
        Labels.SERVICE + "=" + service.metadata().getName(), current, revision, List.copyOf(conditions));
  }

  /** The earliest future instant at which the plan would change by time alone. */
  private static final class Deadlines {
    private final Instant now;
    private Instant next;

    Deadlines(Instant now) {
      this.now = now;
    }

    void at(Instant when) {
      if (when.isAfter(now) && (next == null || when.isBefore(next))) {
        next = when;
      }
    }

    Optional<Duration> next() {
      return next == null ? Optional.empty() : Optional.of(Duration.between(now, next));
    }
  }
}
