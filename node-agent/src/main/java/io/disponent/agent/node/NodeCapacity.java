package io.disponent.agent.node;

import io.disponent.crds.model.PortRange;
import io.disponent.crds.model.Quantities;
import io.disponent.crds.model.ResourceList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a machine offers to tasks, as the Node's {@code status.capacity}: detected values (CPUs,
 * {@code MemTotal} of {@code /proc/meminfo}, the data directory's file system) unless overridden.
 * Pure; the probing of the machine is done by the caller.
 */
public final class NodeCapacity {
  private NodeCapacity() {}

  /** {@code MemTotal} in bytes from the text of {@code /proc/meminfo}; empty when absent or malformed. */
  public static OptionalLong memTotalBytes(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (!line.startsWith("MemTotal:")) {
        continue;
      }
      String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
      try {
        long n = Long.parseLong(parts[0]);
        long unit = parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? 1024 : 1;
        return OptionalLong.of(n * unit);
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The capacity: CPUs as a millis quantity, memory and disk as byte quantities, the port range.
   *
   * @param cpusOverride a quantity ({@code 2}, {@code 1500m}) or null for {@code processors}
   * @param memoryOverride a quantity ({@code 4Gi}) or null for {@code memBytes}
   * @throws IllegalArgumentException when an override is not a quantity
   */
  public static ResourceList capacity(int processors, long memBytes, long diskBytes, String cpusOverride,
      String memoryOverride, PortRange ports) {
    long cpuMillis = Quantities.millis(cpusOverride, processors * 1000L);
    long memory = Quantities.bytes(memoryOverride, memBytes);
    if (cpuMillis <= 0 || memory <= 0) {
      throw new IllegalArgumentException("agent: cpus and memory must be positive (cpus " + cpusOverride
          + ", memory " + memoryOverride + ")");
    }
    return new ResourceList(Quantities.formatMillis(cpuMillis), Quantities.formatBytes(memory),
        Quantities.formatBytes(diskBytes), List.of(ports));
  }
}
