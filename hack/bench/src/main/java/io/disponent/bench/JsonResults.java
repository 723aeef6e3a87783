package io.disponent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes results as a JSON list, one object a line. Appending reads back the object lines this
 * class wrote earlier, so several runs (3 replicas, then 1) end up in one list.
 */
final class JsonResults {
  private JsonResults() {}

  static void write(Path file, List<Result> results, boolean append) throws IOException {
    List<String> objects = new ArrayList<>();
    if (append && Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        String t = line.trim();
        if (t.startsWith("{")) {
          objects.add(t.endsWith(",") ? t.substring(0, t.length() - 1) : t);
        }
      }
    }
    results.forEach(r -> objects.add(object(r)));
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < objects.size(); i++) {
      out.append("  ").append(objects.get(i)).append(i + 1 < objects.size() ? ",\n" : "\n");
    }
    out.append("]\n");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, out);
  }

  static String object(Result r) {
    return String.format(Locale.ROOT,
        "{\"system\": \"%s\", \"replicas\": %d, \"mode\": \"%s\", \"inflight\": %d, "
            + "\"opsPerSec\": %s, \"p50Ms\": %s, \"p99Ms\": %s}",
        r.system(), r.replicas(), r.mode().label(), r.inflight(),
        number(r.opsPerSec(), 1), number(r.p50Ms(), 3), number(r.p99Ms(), 3));
  }

  /** JSON has no NaN: a run that completed nothing has no latencies. */
  private static String number(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "null";
  }
}
