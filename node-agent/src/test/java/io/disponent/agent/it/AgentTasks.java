package io.disponent.agent.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.agent.runtime.process.ProcessRuntime;
import io.disponent.agent.runtime.process.ProcessTaskHandle;
import io.disponent.agent.runtime.process.RuntimeConfig;
import io.disponent.testkit.TaskBuilder;
import java.nio.file.Path;
import java.time.Duration;

/** Tasks for a real agent: bound by the test, which plays the scheduler, and none left running after it. */
final class AgentTasks {
  private AgentTasks() {}

  /** A Task bound to {@code node} running {@code shell}, killed within 2 s. */
  static ObjectNode bound(String ns, String name, String node, String shell) {
    return TaskBuilder.task(ns, name).node(node).shell(shell).killGracePeriodSeconds(2).build();
  }

  /** Kills every task process left in {@code dataDir} (by the runtime's handles), so that no test leaks one. */
  static void killLeftovers(Path dataDir) throws InterruptedException {
    ProcessRuntime runtime = new ProcessRuntime(RuntimeConfig.defaults(dataDir.toAbsolutePath()));
    for (ProcessTaskHandle h : runtime.adoptAll()) {
      if (!h.poll().terminal()) {
        runtime.stop(h, Duration.ofSeconds(1));
      }
    }
  }
}
