package io.disponent.controllers.plan;

import java.time.Instant;

/** Small builders for the planner tables. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Fixtures() {}

  /** A task of revision {@code rev} created {@code age} seconds before T0, in {@code state}, with health. */
  public static TaskView task(String name, String rev, String state, String health, boolean ready, int createdAt) {
    return new TaskView(name, state, health, health != null, ready, T0.plusSeconds(createdAt), T0, null, "n1", rev,
        null, false, 0, null, "web", null);
  }
}
