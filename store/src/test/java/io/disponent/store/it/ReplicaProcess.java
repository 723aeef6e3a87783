package io.disponent.store.it;

import io.disponent.store.Member;
import io.disponent.store.StoreServerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/** A store replica in its own JVM, started and killed by this handle only. */
public final class ReplicaProcess implements AutoCloseable {
  private final Member self;
  private final List<Member> peers;
  private final Path dataDir;
  private final Path log;
  private Process process;

  public ReplicaProcess(Member self, List<Member> peers, Path root) {
    this.self = self;
    this.peers = List.copyOf(peers);
    this.dataDir = root.resolve(self.id());
    this.log = root.resolve(self.id() + ".log");
  }

  public Member self() {
    return self;
  }

  public synchronized void start() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        StoreServerMain.class.getName(), "--id", self.id(), "--address", self.address(),
        "--peers", peers.stream().map(m -> m.id() + "=" + m.address()).collect(Collectors.joining(",")),
        "--data-dir", dataDir.toString()));
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    Process p = process;
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
      if (!p.isAlive()) {
        throw new IllegalStateException(self.id() + " exited with " + p.exitValue() + "; see " + log);
      }
      return Files.exists(log) && Files.readString(log).contains("READY");
    });
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
  public synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      process = null;
      truncateLogMarker();
    }
  }

  private void truncateLogMarker() {
    try {
      // the next start waits for a fresh READY line
      Files.writeString(log, Files.readString(log).replace("READY", "ready (earlier run)"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }
}
