package io.disponent.agent.runtime;

/**
 * How a command run next to a task ({@link TaskRuntime#exec}) ended.
 *
 * @param exitCode its exit code; meaningless when {@code timedOut}
 * @param timedOut it did not end in time and was killed
 * @param output the start of its stdout and stderr, interleaved
 */
public record ExecResult(int exitCode, boolean timedOut, String output) {
  public static ExecResult timedOut(String output) {
    return new ExecResult(-1, true, output);
  }

  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }
}
