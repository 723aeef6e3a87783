package io.disponent.agent.tasks;

import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskState;
import io.disponent.crds.model.TaskSpec;
import java.util.Map;

/** A task this agent has, as the loop knows it between passes. */
final class SupervisedTask<H extends TaskHandle> {
  final H handle;
  /** What the runtime said last; null until the first look. */
  volatile TaskState last;
  /** A kill is in progress: KILLING while the process still runs. */
  volatile boolean killing;

  SupervisedTask(H handle) {
    this.handle = handle;
  }

  TaskId id() {
    return handle.taskId();
  }

  TaskSpec spec() {
    return handle.launch().spec();
  }

  Map<String, Integer> hostPorts() {
    return handle.launch().hostPorts();
  }

  /** From the runtime's checkpoint, so the same for every agent that reports the task. */
  String startedAt() {
    return TaskJson.ts(handle.launchedAt());
  }

  boolean ended() {
    return last != null && last.terminal();
  }
}
