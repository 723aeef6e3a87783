package io.disponent.agent.health;

import io.disponent.agent.runtime.TaskId;
import io.disponent.agent.runtime.UnixUser;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the checks of one task need: its host ports by name, and for COMMAND checks its sandbox,
 * environment and the user it runs as (null: the agent's). {@code host} is where HTTP and TCP
 * checks connect (127.0.0.1).
 */
public record HealthTarget(TaskId taskId, String host, Map<String, Integer> ports, Path sandbox, Map<String, String> env,
    UnixUser user) {
  public HealthTarget {
    ports = Map.copyOf(ports);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public HealthTarget(TaskId taskId, String host, Map<String, Integer> ports, Path sandbox, Map<String, String> env) {
    this(taskId, host, ports, sandbox, env, null);
  }
}
