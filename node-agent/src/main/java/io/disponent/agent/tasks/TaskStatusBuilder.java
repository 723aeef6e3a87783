package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.agent.health.Verdict;
import io.disponent.agent.runtime.TaskState;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.PortStatus;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.TaskStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The status the agent reports for a task, from what its process is doing. Pure: every input is a
 * value, the clock included. Only fields the agent owns are set (the rest stay null and are left
 * alone by the merge patch); conditions other than {@code Healthy} are carried over.
 */
public final class TaskStatusBuilder {
  private TaskStatusBuilder() {}

  /**
   * What the builder needs of one task.
   *
   * @param state what the runtime sees
   * @param killedByAgent the agent killed (or is killing) it: a signal death is KILLED, not FAILED
   * @param killing a kill is in progress (KILLING while the process still runs)
   * @param generation the Task's metadata.generation
   * @param hostPorts the host port of each port, by name, in spec order
   * @param startedAt when the process was launched (ISO-8601), or null
   * @param finishedAt when it ended (ISO-8601), or null while it runs
   * @param liveness the verdicts of the liveness checks (empty: no health reported)
   * @param readiness the verdicts of the readiness checks (empty: ready while running)
   * @param current the Task's current status (for conditions and their transition times)
   */
  public record Input(TaskState state, boolean killedByAgent, boolean killing, long generation,
      Map<String, Integer> hostPorts, String startedAt, String finishedAt, List<Verdict> liveness,
      List<Verdict> readiness, JsonNode current) {}

  public static TaskStatus build(Input in, Instant now) {
    List<PortStatus> ports = in.hostPorts().entrySet().stream()
        .map(e -> new PortStatus(e.getKey(), e.getValue())).toList();
    List<PortStatus> portsOrNull = ports.isEmpty() ? null : ports;
    TaskState s = in.state();
    if (s instanceof TaskState.Running r && r.taskPid() <= 0) {
      // the wrapper lives but has not recorded the task's pid yet: not RUNNING until the pid is known,
      // so that status.pid is the task's own from the first report on and never changes
      return new TaskStatus(in.generation(), in.killing() ? TaskStates.KILLING : TaskStates.STARTING, null, false, portsOrNull, null,
          null, null, null, null, in.startedAt(), null, null, null);
    }
    if (s instanceof TaskState.Running r) {
      long pid = r.taskPid();
      String health = health(in.liveness());
      boolean ready = !"Unhealthy".equals(health) && in.readiness().stream().allMatch(v -> v.health() == Verdict.Health.HEALTHY);
      List<Condition> conditions = health == null ? null : withCondition(in.current(), healthy(in.liveness(), in.generation(), in.current(), now));
      return new TaskStatus(in.generation(), in.killing() ? TaskStates.KILLING : TaskStates.RUNNING, health, ready && !in.killing(),
          portsOrNull, pid, null, null, null, null, in.startedAt(), null, null, conditions);
    }
    Integer exitCode = null;
    Integer signal = null;
    String reason;
    String message;
    String state;
    if (s instanceof TaskState.Exited e) {
      exitCode = e.code();
      state = e.code() == 0 ? TaskStates.FINISHED : TaskStates.FAILED;
      reason = e.code() == 0 ? "Completed" : "Error";
      message = "exited with code " + e.code();
    } else if (s instanceof TaskState.Killed k) {
      signal = k.signal();
      state = TaskStates.FAILED;
      reason = "Signal";
      message = "ended by signal " + k.signal();
    } else if (s instanceof TaskState.OOMKilled o) {
      signal = 9;
      state = TaskStates.FAILED;
      reason = "OOMKilled";
      message = "killed by the OOM killer at its memory limit of " + o.memoryLimitBytes() + " bytes";
    } else {
      state = TaskStates.FAILED;
      reason = "Error";
      message = ((TaskState.Lost) s).reason();
    }
    if (in.killedByAgent() && !(s instanceof TaskState.Exited)) {
      state = TaskStates.KILLED;
      reason = "Killed";
      message = "killed by the agent" + (signal == null ? "" : " (signal " + signal + ")");
    }
    return new TaskStatus(in.generation(), state, null, false, portsOrNull, null, exitCode, signal, reason, message,
        in.startedAt(), in.finishedAt(), null, null);
  }

  /** STARTING: the launch has begun and takes a while (fetching artifacts). */
  public static TaskStatus starting(long generation) {
    return new TaskStatus(generation, TaskStates.STARTING, null, false, null, null, null, null, null, null, null, null,
        null, null);
  }

  /** ERROR: the launch failed before the task ran ({@code reason} as the runtime says, e.g. UserNotFound). */
  public static TaskStatus launchFailed(long generation, String reason, String message, Instant now) {
    return new TaskStatus(generation, TaskStates.ERROR, null, false, null, null, null, null, reason, message, null,
        ts(now), null, null);
  }

  /** FAILED, Lost: the Task says it was launched, but this agent has no sandbox for it. */
  public static TaskStatus lost(long generation, String nodeName, Instant now) {
    return new TaskStatus(generation, TaskStates.FAILED, null, false, null, null, null, null, "Lost",
        "the agent of node " + nodeName + " has no sandbox for this task", null, ts(now), null, null);
  }

  private static String ts(Instant t) {
    return TaskJson.ts(t);
  }

  /** Healthy / Unhealthy / Unknown over the liveness checks, or null when there are none. */
  static String health(List<Verdict> liveness) {
    if (liveness.isEmpty()) {
      return null;
    }
    if (liveness.stream().anyMatch(v -> v.health() == Verdict.Health.UNHEALTHY)) {
      return "Unhealthy";
    }
    return liveness.stream().allMatch(v -> v.health() == Verdict.Health.HEALTHY) ? "Healthy" : "Unknown";
  }

  private static Condition healthy(List<Verdict> liveness, long generation, JsonNode current, Instant now) {
    String h = health(liveness);
    String status = switch (h) {
      case "Healthy" -> "True";
      case "Unhealthy" -> "False";
      default -> "Unknown";
    };
    Verdict worst = liveness.stream().filter(v -> v.health() == Verdict.Health.UNHEALTHY).findFirst()
        .orElse(liveness.get(0));
    String since = ts(now);
    for (JsonNode c : current.path("conditions")) {
      if (ConditionTypes.HEALTHY.equals(c.path("type").asText()) && status.equals(c.path("status").asText())) {
        since = c.path("lastTransitionTime").asText(since);
      }
    }
    return new Condition(ConditionTypes.HEALTHY, status, generation, since, h, worst.message());
  }

  private static List<Condition> withCondition(JsonNode current, Condition c) {
    List<Condition> out = new ArrayList<>();
    for (JsonNode e : current.path("conditions")) {
      if (!c.type().equals(e.path("type").asText())) {
        out.add(Models.read(e, Condition.class));
      }
    }
    out.add(c);
    return out;
  }

  /**
   * The fields of {@code desired} that differ from {@code current} (a status JSON), as a status
   * merge patch body, or null when the Task already says all of it.
   */
  public static JsonNode diff(TaskStatus desired, JsonNode current) {
    JsonNode want;
    try {
      // through text, so that numbers compare as the server's JSON does (3 as int, not long)
      want = Models.MAPPER.readTree(Models.MAPPER.writeValueAsString(desired));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("agent: cannot render a status", e);
    }
    boolean changed = false;
    var it = want.fields();
    while (it.hasNext()) {
      var f = it.next();
      if (!f.getValue().equals(current.path(f.getKey()))) {
        changed = true;
        break;
      }
    }
    return changed ? want : null;
  }
}
