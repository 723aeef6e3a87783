package io.disponent.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The printed tables: every result, then Disponent over etcd where both ran. */
final class Tables {
  private Tables() {}

  static void results(PrintStream out, List<Result> results) {
    out.printf(Locale.ROOT, "%-10s %8s %-4s %8s %10s %9s %9s %8s%n",
        "system", "replicas", "mode", "inflight", "ops/s", "p50 ms", "p99 ms", "failures");
    for (Result r : results) {
      out.printf(Locale.ROOT, "%-10s %8d %-4s %8d %10.0f %9.2f %9.2f %8d%n",
          r.system(), r.replicas(), r.mode().label(), r.inflight(), r.opsPerSec(), r.p50Ms(), r.p99Ms(),
          r.failures());
    }
  }

  static void ratios(PrintStream out, List<Result> results) {
    boolean header = false;
    for (Result d : results) {
      if (!d.system().equals("disponent")) {
        continue;
      }
      Optional<Result> e = results.stream()
          .filter(r -> r.system().equals("etcd") && r.replicas() == d.replicas() && r.mode() == d.mode()
              && r.inflight() == d.inflight())
          .findFirst();
      if (e.isEmpty()) {
        continue;
      }
      if (!header) {
        out.printf(Locale.ROOT, "%nDisponent / etcd%n%8s %-4s %8s %10s %10s%n",
            "replicas", "mode", "inflight", "ops ratio", "p99 ratio");
        header = true;
      }
      out.printf(Locale.ROOT, "%8d %-4s %8d %10.2f %10.2f%n", d.replicas(), d.mode().label(), d.inflight(),
          ratio(d.opsPerSec(), e.get().opsPerSec()), ratio(d.p99Ms(), e.get().p99Ms()));
    }
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }
}
