package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.runtime.LaunchSpec;
import io.disponent.agent.runtime.TaskHandle;
import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.TaskLaunchException;
import io.disponent.agent.runtime.TaskRuntime;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.Informer;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.TaskSpec;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches a Task bound to this node: the agent's finalizer (unless the bind brought it),
 * STARTING (only with artifacts to fetch), the runtime's prepare and launch, its health checks,
 * then the first report (RUNNING with the task's pid and the Started Event, or how it ended).
 * Runs on the worker pool: it blocks.
 */
final class Launcher<H extends TaskHandle> {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  private final TaskRuntime<H> runtime;
  private final LocalTasks<H> locals;
  private final TaskWrites writes;
  private final StatusReporter<H> reporter;
  private final TaskHealth<H> health;
  private final LaunchErrors launchErrors;
  private final EventRecorder events;
  private final Informer<JsonNode> informer;
  private final String nodeName;
  private final String nodeAddress;
  private final Clock clock;

  Launcher(TaskRuntime<H> runtime, LocalTasks<H> locals, TaskWrites writes, StatusReporter<H> reporter,
      TaskHealth<H> health, LaunchErrors launchErrors, EventRecorder events, Informer<JsonNode> informer,
      String nodeName, String nodeAddress, Clock clock) {
    this.runtime = runtime;
    this.locals = locals;
    this.writes = writes;
    this.reporter = reporter;
    this.health = health;
    this.launchErrors = launchErrors;
    this.events = events;
    this.informer = informer;
    this.nodeName = nodeName;
    this.nodeAddress = nodeAddress;
    this.clock = clock;
  }

  void launch(JsonNode task) {
    TaskId id = TaskJson.id(task);
    TaskSpec spec = Models.read(task.path("spec"), TaskSpec.class);
    Map<String, Integer> hostPorts = TaskJson.hostPorts(spec);
    task = writes.addFinalizer(task);
    if (spec.artifacts() != null && !spec.artifacts().isEmpty()) {
      // fetching may take a while: say so; without artifacts the launch is milliseconds and RUNNING comes next
      task = writes.patchStatus(task, TaskStatusBuilder.starting(TaskJson.generation(task)));
    }
    LaunchSpec launch = new LaunchSpec(id, spec, hostPorts, nodeName, nodeAddress, TaskJson.serviceName(task), null);
    H h;
    try {
      h = runtime.launch(runtime.prepare(launch));
    } catch (TaskLaunchException e) {
      LOG.warn("tasks: cannot launch {}: {}", id, e.getMessage());
      events.warning(task, "FailedLaunch", e.getMessage());
      launchErrors.add(id.uid(), e);
      launchErrors.report(informer.list());
      return;
    }
    SupervisedTask<H> l = new SupervisedTask<>(h);
    l.last = runtime.status(h);
    locals.put(l);
    health.watch(l, clock.instant());
    reporter.report(l, task); // RUNNING and its Started Event, or how it ended if it ended at once
  }
}
