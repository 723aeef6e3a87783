package io.disponent.agent.runtime;

import java.util.Objects;

/** A task's identity: namespace, name and the uid of the Task object (a re-created Task gets a new uid). */
public record TaskId(String namespace, String name, String uid) {
  public TaskId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
  }

  @Override
  public String toString() {
    return namespace + "/" + name + " (" + uid + ")";
  }
}
