package io.disponent.agent.health;

/** Receives health changes; called on a probe thread, must not block for long. */
@FunctionalInterface
public interface HealthListener {
  void onChange(HealthEvent event);
}
