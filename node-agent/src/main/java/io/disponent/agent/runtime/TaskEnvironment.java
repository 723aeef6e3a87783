package io.disponent.agent.runtime;

import io.disponent.crds.model.EnvVar;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment and argument vector of a task; pure functions over a {@link LaunchSpec}.
 *
 * <p>Variables, in the order they are set (a later one overrides an earlier one):
 * the inherited ones (the agent passes {@code PATH}), {@code HOST}, {@code NODE_NAME},
 * {@code TASK_NAMESPACE}, {@code TASK_NAME}, {@code TASK_UID}, {@code SERVICE_NAME} (when the
 * task has a service), {@code SANDBOX}, {@code PORT0..N} (spec order), {@code PORT} (= {@code
 * PORT0}), {@code PORT_<NAME>} (name upper-cased, other characters than letters and digits made
 * {@code _}), then the spec's {@code env}, whose values may refer to any variable set before
 * them with {@code $(VAR)}.
 */
public final class TaskEnvironment {
  private TaskEnvironment() {}

  public static Map<String, String> build(LaunchSpec launch, Path sandbox, Map<String, String> inherited) {
    Map<String, String> env = new LinkedHashMap<>(inherited);
    env.put("HOST", launch.nodeAddress() == null ? "127.0.0.1" : launch.nodeAddress());
    if (launch.nodeName() != null) {
      env.put("NODE_NAME", launch.nodeName());
    }
    env.put("TASK_NAMESPACE", launch.taskId().namespace());
    env.put("TASK_NAME", launch.taskId().name());
    env.put("TASK_UID", launch.taskId().uid());
    if (launch.serviceName() != null) {
      env.put("SERVICE_NAME", launch.serviceName());
    }
    env.put("SANDBOX", sandbox.toString());
    List<PortSpec> ports = launch.spec().ports() == null ? List.of() : launch.spec().ports();
    for (int i = 0; i < ports.size(); i++) {
      PortSpec p = ports.get(i);
      Integer port = p.name() == null ? null : launch.hostPorts().get(p.name());
      if (port == null) {
        port = p.hostPort();
      }
      if (port == null) {
        throw new IllegalArgumentException("runtime: port " + i + " (" + p.name() + ") has no host port assigned");
      }
      env.put("PORT" + i, port.toString());
      if (i == 0) {
        env.put("PORT", port.toString());
      }
      if (p.name() != null && !p.name().isBlank()) {
        env.put("PORT_" + portVariable(p.name()), port.toString());
      }
    }
    if (launch.spec().env() != null) {
      for (EnvVar v : launch.spec().env()) {
        env.put(v.name(), v.value() == null ? "" : Expansion.expand(v.value(), env));
      }
    }
    return env;
  }

  static String portVariable(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * The argument vector: {@code command} with {@code $(VAR)} expanded, or {@code /bin/sh -c shell}
   * (a shell string is not expanded: {@code $(...)} there is the shell's command substitution).
   */
  public static List<String> argv(TaskSpec spec, Map<String, String> env) {
    boolean hasCommand = spec.command() != null && !spec.command().isEmpty();
    boolean hasShell = spec.shell() != null && !spec.shell().isBlank();
    if (hasCommand == hasShell) {
      throw new IllegalArgumentException("runtime: a task needs exactly one of command and shell");
    }
    if (hasShell) {
      return List.of("/bin/sh", "-c", spec.shell());
    }
    List<String> argv = new ArrayList<>(spec.command().size());
    for (String arg : spec.command()) {
      argv.add(Expansion.expand(arg, env));
    }
    return argv;
  }
}
