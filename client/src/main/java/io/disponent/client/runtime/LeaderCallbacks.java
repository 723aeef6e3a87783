package io.disponent.client.runtime;

/** Told when this candidate starts and stops leading; called on the elector's thread (or close()'s). */
public interface LeaderCallbacks {

  /** Start the leader's work (controllers); return quickly. */
  void onStartedLeading();

  /** Stop the leader's work at once: another candidate may lead already. */
  void onStoppedLeading();

  /** The observed holder changed (may be this candidate). */
  default void onNewLeader(String identity) {}
}
