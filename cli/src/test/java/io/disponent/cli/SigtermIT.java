package io.disponent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.disponent.store.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real {@code disponent} JVMs, stopped with SIGTERM through their own handle: a clean stop exits 0. */
class SigtermIT {
  @TempDir Path dir;
  private Process process;

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("agent", List.of("agent", "--server", "http://127.0.0.1:" + FreePorts.loopback(),
            "--name", "sigterm-node", "--data-dir", "DATA"), "agent sigterm-node serving on",
            "agent: node sigterm-node stopped"),
        Arguments.of("server", List.of("server", "--data-dir", "DATA",
            "--port", Integer.toString(FreePorts.loopback()), "--store-address", "127.0.0.1:" + FreePorts.loopback()),
            "is up", "disponent server n1 stopped"));
  }

  @ParameterizedTest(name = "disponent {0}")
  @MethodSource("commands")
  void exitsZeroOnSigterm(String name, List<String> args, String ready, String stopped) throws Exception {
    Path log = dir.resolve(name + ".log");
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    args.forEach(a -> cmd.add(a.equals("DATA") ? dir.resolve("data").toString() : a));
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> Files.readString(log).contains(ready) || !process.isAlive());
    assertThat(process.isAlive()).as("%s runs:%n%s", name, Files.readString(log)).isTrue();

    process.destroy(); // SIGTERM
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s stops on SIGTERM", name).isTrue();

    assertThat(process.exitValue()).as("exit status after a clean stop:%n%s", Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains(stopped);
  }

  @AfterEach
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
