package io.disponent.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Task object; by default it runs {@code sleep 1} and is not bound to a node. */
public final class TaskBuilder extends TaskSpecBuilder<TaskBuilder> {
  private final ObjectNode task;

  private TaskBuilder(ObjectNode task) {
    super(task.putObject("spec").put("shell", "sleep 1"));
    this.task = task;
  }

  public static TaskBuilder task(String namespace, String name) {
    return new TaskBuilder(Manifests.object("disponent.io/v1", "Task", namespace, name));
  }

  @Override
  TaskBuilder self() {
    return this;
  }

  /** Binds the Task to {@code node} (the test plays the scheduler); null leaves it unbound. */
  public TaskBuilder node(String node) {
    if (node != null) {
      spec().put("nodeName", node);
    }
    return this;
  }

  public TaskBuilder killGracePeriodSeconds(int seconds) {
    spec().put("killGracePeriodSeconds", seconds);
    return this;
  }

  public ObjectNode build() {
    return task.deepCopy();
  }
}
