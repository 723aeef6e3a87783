package io.disponent.agent.health;

/** The outcome of running one check once. */
public record ProbeResult(boolean ok, String message) {
  public static ProbeResult ok(String message) {
    return new ProbeResult(true, message);
  }

  public static ProbeResult failed(String message) {
    return new ProbeResult(false, message);
  }
}
