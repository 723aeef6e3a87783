package io.disponent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonResultsTest {
  @TempDir Path dir;

  @Test
  void appendingKeepsOneListAndALatencyFreeRunWritesNull() throws Exception {
    Path file = dir.resolve("r.json");
    JsonResults.write(file, List.of(new Result("etcd", 3, Mode.PUT, 16, 1234.5, 1.5, 9.25, 0)), false);
    JsonResults.write(file, List.of(new Result("disponent", 1, Mode.GET, 1, 0, Double.NaN, Double.NaN, 7)), true);

    assertThat(Files.readString(file)).isEqualTo("[\n"
        + "  {\"system\": \"etcd\", \"replicas\": 3, \"mode\": \"put\", \"inflight\": 16, "
        + "\"opsPerSec\": 1234.5, \"p50Ms\": 1.500, \"p99Ms\": 9.250},\n"
        + "  {\"system\": \"disponent\", \"replicas\": 1, \"mode\": \"get\", \"inflight\": 1, "
        + "\"opsPerSec\": 0.0, \"p50Ms\": null, \"p99Ms\": null}\n"
        + "]\n");
  }
}
