package io.disponent.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used between two points: by this process (server, store and client alike, all in one JVM)
 * and by everything else on the machine, in cores, from /proc/stat. The second tells a run
 * disturbed by other work on the machine from a quiet one.
 */
final class CpuMeter {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  /** Cores busy on average: this process, and the machine minus this process. */
  record Usage(double process, double others) {}

  private final long wall = System.nanoTime();
  private final long process = processNanos();
  private final long[] machine = machineTicks();

  Usage stop() {
    double seconds = (System.nanoTime() - wall) / 1e9;
    double processCores = (processNanos() - process) / 1e9 / seconds;
    long[] now = machineTicks();
    if (machine == null || now == null) {
      return new Usage(processCores, Double.NaN);
    }
    double busyCores = (now[0] - machine[0]) / TICKS_PER_SECOND / seconds;
    return new Usage(processCores, Math.max(0, busyCores - processCores));
  }

  private static long processNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** {busy ticks, all ticks} of the machine. */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long all = 0;
      long idle = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        long v = Long.parseLong(f[i]);
        all += v;
        if (i == 4 || i == 5) { // idle, iowait
          idle += v;
        }
      }
      return new long[] {all - idle, all};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
