package io.disponent.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a Task and a Service's template share: the task spec. */
public abstract sealed class TaskSpecBuilder<B extends TaskSpecBuilder<B>> permits TaskBuilder, ServiceBuilder {
  private final ObjectNode spec;

  TaskSpecBuilder(ObjectNode spec) {
    this.spec = spec;
  }

  abstract B self();

  public B shell(String shell) {
    spec.put("shell", shell);
    return self();
  }

  public B resources(String cpus, String memory) {
    spec.putObject("resources").put("cpus", cpus).put("memory", memory);
    return self();
  }

  /** Appends a named port (the agent picks the host port). */
  public B port(String name) {
    (spec.has("ports") ? spec.withArray("ports") : spec.putArray("ports")).addObject().put("name", name);
    return self();
  }

  ObjectNode spec() {
    return spec;
  }
}
