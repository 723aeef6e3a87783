package io.disponent.agent.runtime.process;

import io.disponent.agent.runtime.LimitsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cgroup per task under a parent cgroup ({@code disponent}), on cgroup v1 (separate
 * {@code memory} and {@code cpu} hierarchies) or v2 (one unified tree). The parent is a sibling of
 * the agent's own cgroup, not a child, so that stopping the agent's unit does not reach the tasks
 * (under systemd the agent unit also needs {@code KillMode=process} and {@code Delegate=yes}).
 */
final class Cgroups {
  static final String DEFAULT_PARENT = "disponent";
  private static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);
  private static final long CFS_PERIOD_US = 100_000;

  private final Path root;
  private final String parent;
  private final LimitsSupport support;

  private Cgroups(Path root, String parent, LimitsSupport support) {
    this.root = root;
    this.parent = parent;
    this.support = support;
  }

  LimitsSupport support() {
    return support;
  }

  static Cgroups detect(Path root, String parent) {
    return new Cgroups(root, parent, probe(root, parent));
  }

  private static LimitsSupport probe(Path root, String parent) {
    if (!"root".equals(System.getProperty("user.name"))) {
      return new LimitsSupport(false, "none", "the agent does not run as root, cannot create cgroups");
    }
    try {
      if (Files.exists(root.resolve("cgroup.controllers"))) {
        String controllers = Files.readString(root.resolve("cgroup.controllers"));
        if (!Set.of(controllers.trim().split("\\s+")).contains("memory")) {
          return new LimitsSupport(false, "v2", "cgroup v2 without the memory controller at " + root);
        }
        Path p = root.resolve(parent);
        Files.createDirectories(p);
        String enable = controllers.contains("cpu") ? "+memory +cpu" : "+memory";
        write(root.resolve("cgroup.subtree_control"), enable);
        write(p.resolve("cgroup.subtree_control"), enable);
        return new LimitsSupport(true, "v2", "cgroup v2 at " + p + " (" + enable.replace("+", "") + ")");
      }
      if (Files.exists(root.resolve("memory").resolve("memory.limit_in_bytes"))) {
        Files.createDirectories(root.resolve("memory").resolve(parent));
        boolean cpu = Files.exists(root.resolve("cpu").resolve("cpu.cfs_quota_us"));
        if (cpu) {
          Files.createDirectories(root.resolve("cpu").resolve(parent));
        }
        return new LimitsSupport(true, "v1", "cgroup v1 memory" + (cpu ? " and cpu" : " (no cpu controller)")
            + " at " + root + "/{memory,cpu}/" + parent);
      }
      return new LimitsSupport(false, "none", "no cgroup v2 and no cgroup v1 memory controller under " + root);
    } catch (IOException | RuntimeException e) {
      return new LimitsSupport(false, "none", "cgroups not writable: " + e);
    }
  }

  /** Creates the task's cgroup(s) with its limits; {@code memoryBytes} or {@code cpuMillis} 0 means unlimited. */
  TaskCgroup create(String name, long memoryBytes, long cpuMillis) throws IOException {
    List<Path> dirs = new ArrayList<>();
    if ("v2".equals(support.version())) {
      Path dir = root.resolve(parent).resolve(name);
      Files.createDirectories(dir);
      dirs.add(dir);
      if (memoryBytes > 0) {
        write(dir.resolve("memory.max"), Long.toString(memoryBytes));
        tryWrite(dir.resolve("memory.swap.max"), "0");
      }
      if (cpuMillis > 0 && Files.exists(dir.resolve("cpu.max"))) {
        write(dir.resolve("cpu.max"), cpuMillis * CFS_PERIOD_US / 1000 + " " + CFS_PERIOD_US);
        write(dir.resolve("cpu.weight"), Long.toString(Math.max(1, Math.min(10_000, cpuMillis * 100 / 1000))));
      }
      return new TaskCgroup("v2", List.of(dir.toString()), memoryBytes);
    }
    Path mem = root.resolve("memory").resolve(parent).resolve(name);
    Files.createDirectories(mem);
    dirs.add(mem);
    if (memoryBytes > 0) {
      write(mem.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
      tryWrite(mem.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
    }
    Path cpuParent = root.resolve("cpu").resolve(parent);
    if (Files.isDirectory(cpuParent)) {
      Path cpu = cpuParent.resolve(name);
      Files.createDirectories(cpu);
      dirs.add(cpu);
      if (cpuMillis > 0) {
        write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CFS_PERIOD_US));
        write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(cpuMillis * CFS_PERIOD_US / 1000));
        write(cpu.resolve("cpu.shares"), Long.toString(Math.max(2, cpuMillis * 1024 / 1000)));
      }
    }
    return new TaskCgroup("v1", dirs.stream().map(Path::toString).toList(), memoryBytes);
  }

  /** The {@code cgroup.procs} files the wrapper writes its pid into before it starts the task. */
  static List<String> procsFiles(TaskCgroup cg) {
    return cg.dirs().stream().map(d -> Path.of(d).resolve("cgroup.procs").toString()).toList();
  }

  /** The OOM kills the kernel counted in the task's memory cgroup. */
  static long oomKills(TaskCgroup cg) {
    Path dir = Path.of(cg.dirs().get(0));
    Path file = dir.resolve("v2".equals(cg.version()) ? "memory.events" : "memory.oom_control");
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith("oom_kill ")) {
          return Long.parseLong(line.substring("oom_kill ".length()).trim());
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  /** The pids in the task's cgroups. */
  static Set<Long> members(TaskCgroup cg) {
    Set<Long> pids = new LinkedHashSet<>();
    for (String procs : procsFiles(cg)) {
      try {
        for (String line : Files.readAllLines(Path.of(procs))) {
          if (!line.isBlank()) {
            pids.add(Long.parseLong(line.trim()));
          }
        }
      } catch (IOException e) {
        // removed already
      }
    }
    return pids;
  }

  /** Removes the (empty) cgroups; true when they are all gone. */
  static boolean remove(TaskCgroup cg) {
    boolean gone = true;
    for (String d : cg.dirs()) {
      try {
        Files.deleteIfExists(Path.of(d));
      } catch (IOException e) {
        LOG.debug("runtime: cgroup {} not removed yet: {}", d, e.toString());
        gone = false;
      }
    }
    return gone;
  }

  private static void write(Path file, String value) throws IOException {
    Files.writeString(file, value);
  }

  private static void tryWrite(Path file, String value) {
    try {
      if (Files.exists(file)) {
        Files.writeString(file, value);
      }
    } catch (IOException e) {
      LOG.debug("runtime: optional cgroup setting {} = {} refused: {}", file, value, e.toString());
    }
  }
}
