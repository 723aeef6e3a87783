package io.disponent.agent.logs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLogsTest {
  @TempDir Path sandbox;

  private void append(String s) throws Exception {
    Files.writeString(sandbox.resolve("stdout"), s, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private String tail(int n) throws Exception {
    return new String(new TaskLogs(sandbox).tail(LogStream.STDOUT, n), UTF_8);
  }

  @Test
  void tailCountsLines() throws Exception {
    assertThat(tail(3)).isEmpty();
    append("a\nb\nc\nd\n");
    assertThat(tail(2)).isEqualTo("c\nd\n");
    assertThat(tail(10)).isEqualTo("a\nb\nc\nd\n");
    assertThat(tail(0)).isEmpty();
    append("partial");
    assertThat(tail(2)).isEqualTo("d\npartial");
  }

  @Test
  void tailReachesIntoRotatedFilesAndLongFiles() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      big.append("line ").append(i).append('\n');
    }
    append(big.toString());
    LogRotator rotator = new LogRotator(1000, 3);
    assertThat(rotator.rotate(sandbox)).isTrue();
    assertThat(Files.size(sandbox.resolve("stdout"))).isZero();
    append("new 1\nnew 2\n");
    assertThat(tail(3)).isEqualTo("line 4999\nnew 1\nnew 2\n");
    assertThat(tail(5000).split("\n")).hasSize(5000);
  }

  @Test
  void rotationKeepsAtMostFilesMinusOneOldOnes() throws Exception {
    LogRotator rotator = new LogRotator(5, 3);
    for (int i = 0; i < 4; i++) {
      append("round " + i + "\n");
      assertThat(rotator.rotate(sandbox)).isTrue();
    }
    assertThat(Files.readString(sandbox.resolve("stdout.1"))).isEqualTo("round 3\n");
    assertThat(Files.readString(sandbox.resolve("stdout.2"))).isEqualTo("round 2\n");
    assertThat(sandbox.resolve("stdout.3")).doesNotExist();
    assertThat(rotator.rotate(sandbox)).isFalse();
  }

  @Test
  void followStreamsAppendsAcrossRotation() throws Exception {
    append("old 1\nold 2\n");
    try (InputStream in = new TaskLogs(sandbox).follow(LogStream.STDOUT, 1, Duration.ofMillis(20))) {
      assertThat(readExactly(in, "old 2\n".length())).isEqualTo("old 2\n");
      append("more\n");
      assertThat(readExactly(in, 5)).isEqualTo("more\n");
      append("before rotation\n");
      new LogRotator(1, 3).rotate(sandbox);
      append("after\n");
      assertThat(readExactly(in, "before rotation\nafter\n".length())).isEqualTo("before rotation\nafter\n");
      CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
        try {
          return in.read();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      in.close();
      assertThat(blocked.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(-1);
    }
  }

  private static String readExactly(InputStream in, int n) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readNBytes(n), UTF_8);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).get(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
