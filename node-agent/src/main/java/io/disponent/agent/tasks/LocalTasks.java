package io.disponent.agent.tasks;

import io.disponent.agent.runtime.TaskHandle;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The tasks this agent has, by uid, and the uids with a launch or kill on the worker pool. Changed by the loop and the pool. */
final class LocalTasks<H extends TaskHandle> {
  private final Map<String, SupervisedTask<H>> byUid = new ConcurrentHashMap<>();
  private final Set<String> busy = ConcurrentHashMap.newKeySet();

  SupervisedTask<H> get(String uid) {
    return byUid.get(uid);
  }

  void put(SupervisedTask<H> task) {
    byUid.put(task.id().uid(), task);
  }

  SupervisedTask<H> remove(String uid) {
    return byUid.remove(uid);
  }

  Collection<SupervisedTask<H>> all() {
    return byUid.values();
  }

  Set<String> uids() {
    return Set.copyOf(byUid.keySet());
  }

  /** The newest one of task {@code namespace/name} (a Task re-created under the same name has a new uid). */
  Optional<SupervisedTask<H>> newest(String namespace, String name) {
    return byUid.values().stream()
        .filter(l -> l.id().namespace().equals(namespace) && l.id().name().equals(name))
        .max((a, b) -> a.startedAt().compareTo(b.startedAt()));
  }

  /** What the planner needs of each. */
  Map<String, TaskPlanner.LocalTask> plannerView() {
    Map<String, TaskPlanner.LocalTask> out = new HashMap<>();
    byUid.forEach((uid, l) -> out.put(uid, new TaskPlanner.LocalTask(uid, l.ended())));
    return out;
  }

  void markBusy(String uid) {
    busy.add(uid);
  }

  void markIdle(String uid) {
    busy.remove(uid);
  }

  Set<String> busy() {
    return new HashSet<>(busy);
  }
}
