package io.disponent.agent.runtime;

import io.disponent.crds.model.TaskSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything {@link ProcessRuntime#launch} needs to start one task.
 *
 * @param hostPorts the host port assigned to each of the spec's ports, by port name, in spec order
 * @param nodeAddress the address the task is reachable on ({@code HOST}); null means 127.0.0.1
 * @param serviceName the owning Service, or null for a task created alone
 * @param sandboxRoot the folder under which the sandbox {@code <namespace>/<name>/<uid>} is made;
 *     null means the runtime's default ({@code <dataDir>/sandboxes})
 */
public record LaunchSpec(
    TaskId taskId,
    TaskSpec spec,
    Map<String, Integer> hostPorts,
    String nodeName,
    String nodeAddress,
    String serviceName,
    Path sandboxRoot) {
  public LaunchSpec {
    hostPorts = hostPorts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hostPorts));
  }
}
