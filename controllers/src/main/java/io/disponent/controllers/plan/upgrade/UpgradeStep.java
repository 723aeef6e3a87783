package io.disponent.controllers.plan.upgrade;

import java.util.List;

/**
 * One step of a rolling upgrade: start {@code start} Tasks of the new revision and kill {@code kill} (old
 * ones) now; {@code done} when no old Task is left. {@code reason} and {@code message} are the Service's
 * Progressing condition (status True while rolling and when done).
 */
public record UpgradeStep(int start, List<String> kill, boolean done, String reason, String message) {
  public UpgradeStep {
    kill = List.copyOf(kill);
  }
}
