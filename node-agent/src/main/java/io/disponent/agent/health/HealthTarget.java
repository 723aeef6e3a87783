package io.disponent.agent.health;

import io.disponent.agent.runtime.ExecResult;
import io.disponent.agent.runtime.TaskId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the checks of one task need: its host ports by name, and for COMMAND checks a way to run a
 * command where the task runs (its runtime's {@code exec}). {@code host} is where HTTP and TCP
 * checks connect (127.0.0.1).
 */
public record HealthTarget(TaskId taskId, String host, Map<String, Integer> ports, Exec exec) {
  public HealthTarget {
    ports = Map.copyOf(ports);
  }

  /** Runs a command next to the task, killed after {@code timeout}. */
  @FunctionalInterface
  public interface Exec {
    ExecResult run(List<String> argv, Duration timeout) throws IOException, InterruptedException;
  }
}
