package io.disponent.agent.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A task whose sandbox is ready (artifacts fetched, an image unpacked) and which
 * {@link TaskRuntime#launch(Prepared)} can start.
 *
 * @param env the task's environment ({@link TaskEnvironment#build})
 * @param argv what runs, its variables expanded ({@link TaskEnvironment#argv})
 * @param user the account it runs as, null for the agent's own
 */
public record Prepared(LaunchSpec launch, Path sandbox, Map<String, String> env, List<String> argv, UnixUser user) {
  public Prepared {
    env = Map.copyOf(env);
    argv = List.copyOf(argv);
  }
}
