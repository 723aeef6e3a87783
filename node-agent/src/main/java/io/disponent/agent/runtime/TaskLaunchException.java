package io.disponent.agent.runtime;

/** A task could not be started (bad spec, artifact not fetched, cgroup not made, process not spawned). */
public class TaskLaunchException extends Exception {
  public TaskLaunchException(String message) {
    super(message);
  }

  public TaskLaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
