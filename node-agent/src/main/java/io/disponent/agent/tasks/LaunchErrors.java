package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.client.ApiException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Launches that failed and whose ERROR status is not reported yet; tried on every pass until the API takes it. */
final class LaunchErrors {
  private static final Logger LOG = LoggerFactory.getLogger(LaunchErrors.class);
  /** uid → why. */
  private final Map<String, TaskLaunchException> pending = new ConcurrentHashMap<>();
  private final TaskWrites writes;
  private final Clock clock;

  LaunchErrors(TaskWrites writes, Clock clock) {
    this.writes = writes;
    this.clock = clock;
  }

  void add(String uid, TaskLaunchException why) {
    pending.put(uid, why);
  }

  Set<String> uids() {
    return Set.copyOf(pending.keySet());
  }

  /** Reports each pending error into its Task among {@code tasks}; one whose Task is gone is dropped. */
  void report(Collection<JsonNode> tasks) {
    for (Map.Entry<String, TaskLaunchException> e : pending.entrySet()) {
      JsonNode task = tasks.stream().filter(t -> TaskJson.uid(t).equals(e.getKey())).findFirst().orElse(null);
      if (task == null) {
        pending.remove(e.getKey());
        continue;
      }
      try {
        writes.patchStatus(task, TaskStatusBuilder.launchFailed(TaskJson.generation(task), e.getValue().reason(),
            e.getValue().getMessage(), clock.instant()));
        pending.remove(e.getKey());
      } catch (ApiException ex) {
        LOG.info("tasks: cannot report the failed launch of {} yet ({})", e.getKey(), ex.getMessage());
      }
    }
  }
}
