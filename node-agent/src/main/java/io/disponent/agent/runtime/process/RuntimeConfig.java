package io.disponent.agent.runtime.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of a {@link ProcessRuntime}.
 *
 * @param dataDir the agent's data directory; sandboxes default to {@code <dataDir>/sandboxes}
 * @param cgroupRoot where cgroups are mounted ({@code /sys/fs/cgroup})
 * @param cgroupParent the parent cgroup of all tasks' cgroups ({@code disponent})
 * @param enforceLimits false to run without cgroups even where they are available
 * @param inheritedEnv variables every task gets before its own ({@code PATH} by default)
 * @param fetchTimeout the limit for fetching and unpacking one artifact
 */
public record RuntimeConfig(
    Path dataDir,
    Path cgroupRoot,
    String cgroupParent,
    boolean enforceLimits,
    Map<String, String> inheritedEnv,
    Duration fetchTimeout) {

  public static RuntimeConfig defaults(Path dataDir) {
    String path = System.getenv().getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    return new RuntimeConfig(dataDir, Path.of("/sys/fs/cgroup"), Cgroups.DEFAULT_PARENT, true,
        Map.of("PATH", path), Duration.ofMinutes(5));
  }

  public Path sandboxRoot() {
    return dataDir.resolve("sandboxes");
  }
}
