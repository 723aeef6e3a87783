package io.disponent.client.runtime;

import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/** Told when this candidate starts and stops leading; called on the elector's thread (or close()'s). */
public interface LeaderCallbacks {

  /** Start the leader's work (controllers); return quickly. */
  void onStartedLeading();

  /** Stop the leader's work at once: another candidate may lead already. */
  void onStoppedLeading();

  /** The observed holder changed (may be this candidate). */
  default void onNewLeader(String identity) {}

  /**
   * Runs what {@code start} starts while leading and closes it on losing the lead. {@code start} is called
   * once per term and must build afresh (informers and controllers cannot be restarted once closed), e.g.
   * {@code () -> { tasks.start(); c.start(); return () -> { c.close(); tasks.close(); }; }}.
   */
  static LeaderCallbacks whileLeading(Supplier<AutoCloseable> start) {
    return new LeaderCallbacks() {
      private AutoCloseable running;

      @Override
      public synchronized void onStartedLeading() {
        if (running == null) {
          running = start.get();
        }
      }

      @Override
      public synchronized void onStoppedLeading() {
        if (running != null) {
          try {
            running.close();
          } catch (Exception e) {
            LoggerFactory.getLogger(LeaderCallbacks.class).warn("leader: stopping the leader's work failed", e);
          } finally {
            running = null;
          }
        }
      }
    };
  }
}
