package io.disponent.controllers.plan.service;

/** A Task to kill (the process must stop) or to expunge (delete the object; nothing runs any more). */
public record TaskRemoval(String task, Reason reason) {
  /** Why; {@link #kill} says whether the process must be stopped first. */
  public enum Reason {
    SCALE_DOWN(true), UNHEALTHY(true), UPGRADE(true), SURPLUS_AFTER_UNREACHABLE(true),
    UNREACHABLE_EXPUNGED(false), NODE_GONE(false), TERMINAL(false), FAILED_RELAUNCHED(false), FAILED_SUPERSEDED(false);

    private final boolean kill;

    Reason(boolean kill) {
      this.kill = kill;
    }

    public boolean kill() {
      return kill;
    }
  }
}
