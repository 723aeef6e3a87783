package io.disponent.client.runtime;

import java.time.Duration;

/**
 * A reconciler's intent once it is done with a key: nothing more ({@link #done}), again soon under
 * backoff ({@link #requeue}), or again after a delay ({@link #requeueAfter}, backoff forgotten).
 */
public record Result(boolean again, Duration after) {

  private static final Result DONE = new Result(false, null);
  private static final Result REQUEUE = new Result(true, null);

  public static Result done() {
    return DONE;
  }

  public static Result requeue() {
    return REQUEUE;
  }

  public static Result requeueAfter(Duration after) {
    return new Result(true, after);
  }
}
