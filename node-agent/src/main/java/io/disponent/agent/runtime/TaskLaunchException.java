package io.disponent.agent.runtime;

/**
 * A task could not be started (bad spec, unknown user, artifact not fetched, cgroup not made,
 * process not spawned). {@link #reason()} is the Task status's reason for it.
 */
public class TaskLaunchException extends Exception {
  public static final String LAUNCH_FAILED = "LaunchFailed";
  private final String reason;

  public TaskLaunchException(String message) {
    this(LAUNCH_FAILED, message);
  }

  public TaskLaunchException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public TaskLaunchException(String message, Throwable cause) {
    super(message, cause);
    this.reason = LAUNCH_FAILED;
  }

  /** A CamelCase reason: {@code LaunchFailed} unless something more precise is known. */
  public String reason() {
    return reason;
  }
}
