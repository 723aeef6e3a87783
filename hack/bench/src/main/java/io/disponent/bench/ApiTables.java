package io.disponent.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ApiBench}'s tables and its JSON. */
final class ApiTables {
  private ApiTables() {}

  static void creates(PrintStream out, List<ApiBench.Result> results) {
    out.printf(Locale.ROOT, "%-8s %-6s %8s %10s %9s %9s %8s %9s %9s%n",
        "system", "op", "inflight", "ops/s", "p50 ms", "p99 ms", "failures", "cpu bench", "cpu other");
    for (ApiBench.Result r : results) {
      out.printf(Locale.ROOT, "%-8s %-6s %8d %10.0f %9.2f %9.2f %8d %9.2f %9.2f%n",
          r.system(), r.op(), r.inflight(), r.opsPerSec(), r.p50Ms(), r.p99Ms(), r.failures(),
          r.cpu().process(), r.cpu().others());
    }
    out.println("(cpu: cores busy on average during warm-up and window; bench = this JVM: store, server and client;"
        + " other = the rest of the machine)");
  }

  static void ratios(PrintStream out, List<ApiBench.Result> results) {
    boolean header = false;
    for (ApiBench.Result a : results) {
      if (!a.system().equals("api")) {
        continue;
      }
      Optional<ApiBench.Result> s = results.stream()
          .filter(r -> r.system().equals("store") && r.op().equals(a.op()) && r.inflight() == a.inflight())
          .findFirst();
      if (s.isEmpty()) {
        continue;
      }
      if (!header) {
        out.printf(Locale.ROOT, "%nAPI / store%n%-6s %8s %10s %10s %10s%n", "op", "inflight", "ops ratio", "p50 ratio",
            "p99 ratio");
        header = true;
      }
      out.printf(Locale.ROOT, "%-6s %8d %10.2f %10.2f %10.2f%n", a.op(), a.inflight(),
          ratio(a.opsPerSec(), s.get().opsPerSec()), ratio(a.p50Ms(), s.get().p50Ms()),
          ratio(a.p99Ms(), s.get().p99Ms()));
    }
  }

  static void watch(PrintStream out, WatchBench.Outcome w) {
    out.printf(Locale.ROOT, "%nWatch delivery: %d watchers on tasks (namespace default), one writer at %d creates/s%n",
        w.watchers(), w.rateTarget());
    out.printf(Locale.ROOT, "  writes        %d sent in %.1f s, %d created (%.0f/s to the last 201), %d failed; POST p50 %.2f ms, p99 %.2f ms%n",
        w.sent(), w.seconds(), w.created(), w.writesPerSec(), w.failedWrites(), w.postP50Ms(), w.postP99Ms());
    out.printf(Locale.ROOT, "  deliveries    %d of %d (watchers x created), %d duplicates, %d unexpected lines;"
            + " %d/%d watchers got every event; %d streams ended early; drained %.2f s after the last write%n",
        w.deliveredPairs(), w.expectedPairs(), w.duplicates(), w.unknownLines(), w.completeWatchers(), w.watchers(),
        w.endedEarly(), w.drainSeconds());
    out.printf(Locale.ROOT, "  %-22s %9s %9s %9s %9s%n", "delay (ms)", "p50", "p99", "p99.9", "max");
    out.printf(Locale.ROOT, "  %-22s %9.2f %9.2f %9.2f %9.2f%n", "201 arrival -> line", w.commitP50Ms(),
        w.commitP99Ms(), w.commitP999Ms(), w.commitMaxMs());
    out.printf(Locale.ROOT, "  %-22s %9.2f %9.2f %9.2f %9.2f%n", "POST sent -> line", w.sendP50Ms(), w.sendP99Ms(),
        w.sendP999Ms(), w.sendMaxMs());
    out.printf(Locale.ROOT, "  (%d deliveries arrived before their 201 and count as 0 ms from it)%n", w.beforeCommit());
    out.printf(Locale.ROOT, "  every watcher got every event: %s%n", w.everyWatcherGotEveryEvent() ? "yes" : "NO");
    out.printf(Locale.ROOT, "  server /metrics apiserver_registered_watchers: %s%n", w.registeredWatchers());
    out.printf(Locale.ROOT, "  store watches the server opened, by start key: %s%n", w.storeWatches());
    out.printf(Locale.ROOT, "  cpu: bench %.2f cores, other %.2f cores%n", w.cpu().process(), w.cpu().others());
    if (w.firstError() != null) {
      out.printf(Locale.ROOT, "  first error: %s%n", w.firstError());
    }
  }

  static String object(ApiBench.Result r) {
    return String.format(Locale.ROOT,
        "{\"system\": \"%s\", \"op\": \"%s\", \"inflight\": %d, \"opsPerSec\": %s, \"p50Ms\": %s, \"p99Ms\": %s, "
            + "\"failures\": %d, \"cpuBench\": %s, \"cpuOther\": %s}",
        r.system(), r.op(), r.inflight(), number(r.opsPerSec(), 1), number(r.p50Ms(), 3), number(r.p99Ms(), 3),
        r.failures(), number(r.cpu().process(), 2), number(r.cpu().others(), 2));
  }

  static void writeJson(Path file, List<ApiBench.Result> results, WatchBench.Outcome w) throws IOException {
    List<String> lines = new ArrayList<>();
    results.forEach(r -> lines.add(object(r)));
    StringBuilder out = new StringBuilder("{\n  \"creates\": [\n");
    for (int i = 0; i < lines.size(); i++) {
      out.append("    ").append(lines.get(i)).append(i + 1 < lines.size() ? ",\n" : "\n");
    }
    out.append("  ],\n  \"watch\": ");
    if (w == null) {
      out.append("null\n");
    } else {
      out.append(String.format(Locale.ROOT,
          "{\"watchers\": %d, \"rateTarget\": %d, \"seconds\": %s, \"sent\": %d, \"created\": %d, \"failedWrites\": %d,"
              + " \"writesPerSec\": %s, \"postP50Ms\": %s, \"postP99Ms\": %s, \"expected\": %d, \"delivered\": %d,"
              + " \"duplicates\": %d, \"completeWatchers\": %d, \"endedEarly\": %d, \"everyWatcherGotEveryEvent\": %s,"
              + " \"commitP50Ms\": %s, \"commitP99Ms\": %s, \"commitP999Ms\": %s, \"commitMaxMs\": %s,"
              + " \"sendP50Ms\": %s, \"sendP99Ms\": %s, \"sendP999Ms\": %s, \"sendMaxMs\": %s,"
              + " \"registeredWatchers\": %s, \"storeWatches\": %s, \"cpuBench\": %s, \"cpuOther\": %s}%n",
          w.watchers(), w.rateTarget(), number(w.seconds(), 2), w.sent(), w.created(), w.failedWrites(),
          number(w.writesPerSec(), 1), number(w.postP50Ms(), 3), number(w.postP99Ms(), 3), w.expectedPairs(),
          w.deliveredPairs(), w.duplicates(), w.completeWatchers(), w.endedEarly(), w.everyWatcherGotEveryEvent(),
          number(w.commitP50Ms(), 3), number(w.commitP99Ms(), 3), number(w.commitP999Ms(), 3),
          number(w.commitMaxMs(), 3), number(w.sendP50Ms(), 3), number(w.sendP99Ms(), 3), number(w.sendP999Ms(), 3),
          number(w.sendMaxMs(), 3), jsonMap(w.registeredWatchers()), jsonMap(w.storeWatches()),
          number(w.cpu().process(), 2), number(w.cpu().others(), 2)));
    }
    out.append("}\n");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, out);
  }

  private static String jsonMap(Map<String, ? extends Number> m) {
    return m.entrySet().stream()
        .map(e -> "\"" + e.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  private static String number(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "null";
  }
}
