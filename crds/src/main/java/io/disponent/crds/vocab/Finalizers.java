package io.disponent.crds.vocab;

/** The finalizer names Disponent adds. */
public final class Finalizers {
  /**
   * On a bound Task: the agent of its node removes it once the process is gone, so a Task is not
   * forgotten while something still runs.
   */
  public static final String AGENT = "disponent.io/agent";
  /** Kubernetes' finalizer of a foreground deletion: the owner waits for its blocking dependents. */
  public static final String FOREGROUND_DELETION = "foregroundDeletion";
  /** Kubernetes' finalizer of an orphaning deletion: dependents lose their owner reference first. */
  public static final String ORPHAN = "orphan";

  private Finalizers() {}
}
