package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.TaskState;
import java.util.Optional;

/**
 * The line the wrapper writes to {@code .disponent/status} when the task ends: {@code exit <code>}
 * or {@code signal <number>} (the wrapper has the full wait status, so an {@code exit 137} is
 * not mistaken for SIGKILL).
 */
final class ExitRecord {
  private ExitRecord() {}

  static Optional<TaskState> parse(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      return Optional.empty();
    }
    int n;
    try {
      n = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    switch (parts[0]) {
      case "exit":
        return Optional.of(new TaskState.Exited(n));
      case "signal":
        return Optional.of(new TaskState.Killed(n));
      default:
        return Optional.empty();
    }
  }
}
