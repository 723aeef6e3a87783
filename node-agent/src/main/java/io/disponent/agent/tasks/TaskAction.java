package io.disponent.agent.tasks;

/** One step the {@link TaskSupervisor} takes for a task, as decided by {@link TaskPlanner}. */
public sealed interface TaskAction {
  String uid();

  /** Add the agent's finalizer, report STARTING, launch the process. */
  record Launch(String uid) implements TaskAction {}

  /** Report the local process's state when the Task's status differs. */
  record Report(String uid) implements TaskAction {}

  /** Kill the process tree; {@code deleted}: the Task has a deletionTimestamp, else it is gone from the API. */
  record Kill(String uid, boolean deleted) implements TaskAction {}

  /** Report the final state and remove the agent's finalizer from a deleted Task; the sandbox is done with. */
  record Release(String uid) implements TaskAction {}

  /** The process has ended and its Task is gone: the sandbox is done with. */
  record Forget(String uid) implements TaskAction {}

  /** The Task says it was launched (RUNNING, KILLING, ...) but this agent has no sandbox for it: report it FAILED. */
  record MarkLost(String uid) implements TaskAction {}
}
