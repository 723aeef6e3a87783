package io.disponent.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.disponent.store.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real {@code disponent up} or {@code disponent server} process (store replica + API server) on
 * 127.0.0.1, started with the same java command line as {@code bin/disponent} (cli/target/classes plus
 * the classpath file that cli's build writes), so no Maven build runs from inside the tests. Stopped by its own
 * handle: SIGTERM, then SIGKILL only when it does not exit.
 */
final class DisponentProcess implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  /** Small, quick-starting JVMs for tests; a benchmark passes {@code List.of()} (bin/disponent's defaults). */
  static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final String name;
  private final Path dataDir;
  private final int port;
  private final int storePort;
  private final Path log;
  private final Process process;

  private DisponentProcess(String name, Path dataDir, int port, int storePort, Path log, Process process) {
    this.name = name;
    this.dataDir = dataDir;
    this.port = port;
    this.storePort = storePort;
    this.log = log;
    this.process = process;
  }

  /** The checkout's root: set by failsafe, or the parent of the module directory. */
  static Path root() {
    return Path.of(System.getProperty("disponent.root", "..")).toAbsolutePath().normalize();
  }

  static Path kubectlBinary() {
    return Path.of(System.getProperty("kubectl", "/usr/bin/kubectl"));
  }

  /** Skips the calling test class when kubectl or the built cli is missing. */
  static void assumeRunnable() {
    assumeTrue(Files.isExecutable(kubectlBinary()), kubectlBinary() + " is missing: e2e tests skipped");
    assumeTrue(Files.isRegularFile(root().resolve("cli/target/classpath.txt")),
        "cli/target/classpath.txt is missing (build cli first): e2e tests skipped");
  }

  /** A fresh working directory for one test class under target/e2e, kept for the logs. */
  static Path workDir(Class<?> testClass) {
    try {
      Path base = Path.of(System.getProperty("e2e.workDir", "target/e2e")).toAbsolutePath();
      Files.createDirectories(base);
      return Files.createTempDirectory(base, testClass.getSimpleName() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DisponentProcess start(Path dataDir, String... extraArgs) {
    return start(dataDir, FreePorts.loopback(), FreePorts.loopback(), extraArgs);
  }

  static DisponentProcess start(Path dataDir, int port, int storePort, List<String> extraArgs) {
    return start(dataDir, port, storePort, extraArgs.toArray(String[]::new));
  }

  /** {@code up} with more arguments (e.g. {@code --no-agent}, {@code --api-only}). */
  static DisponentProcess start(Path dataDir, int port, int storePort, String... extraArgs) {
    return start(TEST_JVM, dataDir, port, storePort, List.of(extraArgs));
  }

  /** {@code up} in a JVM with the given options. */
  static DisponentProcess start(List<String> jvmOptions, Path dataDir, int port, int storePort,
      List<String> extraArgs) {
    List<String> args = new ArrayList<>(List.of("up", "--data-dir", dataDir.toString(), "--port",
        Integer.toString(port), "--store-port", Integer.toString(storePort)));
    args.addAll(extraArgs);
    DisponentProcess p = launch(jvmOptions, dataDir, port, storePort, args);
    p.awaitReady(READY_TIMEOUT);
    return p;
  }

  /**
   * One control-plane member, {@code server --id ID --peers PEERS} with its Raft endpoint on 127.0.0.1:storePort.
   * Returns at once: a member is not ready before a majority of its peers runs ({@link #awaitReady}).
   */
  static DisponentProcess startServer(Path dataDir, String id, int port, int storePort, String peers,
      String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("server", "--data-dir", dataDir.toString(), "--id", id,
        "--port", Integer.toString(port), "--store-address", "127.0.0.1:" + storePort, "--peers", peers));
    args.addAll(List.of(extraArgs));
    return launch(TEST_JVM, dataDir, port, storePort, args);
  }

  private static DisponentProcess launch(List<String> jvmOptions, Path dataDir, int port, int storePort,
      List<String> args) {
    Path root = root();
    try {
      String classpath = classpath(root);
      Files.createDirectories(dataDir);
      Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + Instant.now().toEpochMilli() + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", classpath, "io.disponent.cli.Main"));
      command.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      return new DisponentProcess("disponent " + args.get(0), dataDir, port, storePort, log, pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * cli/target/classes plus cli/target/classpath.txt, with every disponent module's jar replaced by
   * this checkout's {@code <module>/target/classes}: the jars under ~/.m2 are shared with other
   * checkouts, which may overwrite them at any time (and then this would test their code).
   */
  static String classpath(Path root) throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(root.resolve("cli/target/classes").toString());
    for (String entry : Files.readString(root.resolve("cli/target/classpath.txt")).trim().split(":")) {
      Matcher m = MODULE_JAR.matcher(entry);
      Path classes = m.find() ? root.resolve(m.group(1)).resolve("target/classes") : null;
      entries.add(classes != null && Files.isDirectory(classes) ? classes.toString() : entry);
    }
    return String.join(":", entries);
  }

  private static final Pattern MODULE_JAR = Pattern.compile("/disponent-(store|crds|apiserver|controllers|node-agent)"
      + "-[^/]*\\.jar$");

  /** Waits for {@code GET /readyz} 200 and the kubeconfig; stops the process and fails if it takes longer. */
  void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readyz = HttpRequest.newBuilder(URI.create(url() + "/readyz")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && Files.isRegularFile(kubeconfig())) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(200);
    }
    stop();
    throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + logTail());
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  int storePort() {
    return storePort;
  }

  Path dataDir() {
    return dataDir;
  }

  Path kubeconfig() {
    return dataDir.resolve("kubeconfig");
  }

  Process process() {
    return process;
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  String logTail() {
    String all = log();
    return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
  }

  /** SIGTERM by handle, wait; SIGKILL only when it hangs. Returns the exit code. */
  int stop() {
    if (!process.isAlive()) {
      return process.exitValue();
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(name + " ignored SIGTERM for 30 s; killed:\n" + logTail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
