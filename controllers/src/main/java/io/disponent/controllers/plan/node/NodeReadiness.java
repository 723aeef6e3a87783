package io.disponent.controllers.plan.node;

/** The Ready condition's status, reason and message for a Node. */
public record NodeReadiness(String status, String reason, String message) {
  public boolean ready() {
    return "True".equals(status);
  }
}
