package io.disponent.controllers.plan.drain;

import java.util.List;

/**
 * What to do now for a node being drained: start one surge replacement per Task in {@code start} (a Task of
 * the same Service, annotated {@code disponent.io/replaces=<task>}), kill the Tasks in {@code kill} (their
 * replacement is healthy and ready, or they are standalone), and wait for {@code waiting}. {@code drained}
 * when nothing live is left on the node.
 */
public record DrainPlan(List<Surge> start, List<String> kill, List<String> waiting, boolean drained) {
  public DrainPlan {
    start = List.copyOf(start);
    kill = List.copyOf(kill);
    waiting = List.copyOf(waiting);
  }

  /** A replacement of {@code replaces}, of Service {@code service}, from template revision {@code revision}. */
  public record Surge(String service, String replaces, String revision) {}
}
