package io.disponent.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.vocab.TaskStates;
import java.util.ArrayList;
import java.util.List;

/**
 * The Events a status report brings, recorded after its patch (the Event is for people, the
 * status is what the control plane waits for). Pure.
 *
 * <pre>
 * before (the Task's status)   reported                     events
 * no pid                       a pid                        Started (Normal)
 * not terminal                 terminal, reason OOMKilled   OOMKilled (Warning)
 * not terminal                 KILLED                       -  (the kill said Killing)
 * not terminal                 other terminal               Exited (Normal for exit 0, else Warning)
 * </pre>
 */
final class ReportEvents {
  private ReportEvents() {}

  record Event(EventRecorder.Type type, String reason, String message) {}

  static List<Event> of(JsonNode current, TaskStatus reported, String nodeName) {
    List<Event> out = new ArrayList<>();
    if (reported.pid() != null && current.path("pid").asLong(0) == 0) {
      out.add(new Event(EventRecorder.Type.Normal, "Started", "started on node " + nodeName + " as pid " + reported.pid()));
    }
    String before = current.path("state").asText("");
    if (!before.equals(reported.state()) && TaskStates.terminal(reported.state()) && !TaskStates.terminal(before)) {
      if ("OOMKilled".equals(reported.reason())) {
        out.add(new Event(EventRecorder.Type.Warning, "OOMKilled", reported.message()));
      } else if (!TaskStates.KILLED.equals(reported.state())) {
        out.add(new Event(reported.exitCode() != null && reported.exitCode() == 0 ? EventRecorder.Type.Normal
            : EventRecorder.Type.Warning, "Exited", reported.message()));
      }
    }
    return out;
  }
}
