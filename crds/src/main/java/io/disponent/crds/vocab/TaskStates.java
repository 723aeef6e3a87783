package io.disponent.crds.vocab;

import java.util.Set;

/** The Mesos-style Task states of the Task CRD, and the sets the planners reason with. */
public final class TaskStates {
  public static final String STAGING = "STAGING";
  public static final String STARTING = "STARTING";
  public static final String RUNNING = "RUNNING";
  public static final String KILLING = "KILLING";
  public static final String FINISHED = "FINISHED";
  public static final String FAILED = "FAILED";
  public static final String KILLED = "KILLED";
  public static final String ERROR = "ERROR";
  public static final String UNREACHABLE = "UNREACHABLE";
  public static final String GONE = "GONE";

  /** States after which the process will not run again. */
  public static final Set<String> TERMINAL = Set.of(FINISHED, FAILED, KILLED, ERROR, GONE);
  /** Terminal states that count as a launch failure for backoff. */
  public static final Set<String> FAILURES = Set.of(FAILED, ERROR);

  private TaskStates() {}

  /** Whether a Task in {@code state} will not run again; absent (unbound) is not terminal. */
  public static boolean terminal(String state) {
    return state != null && TERMINAL.contains(state);
  }
}
