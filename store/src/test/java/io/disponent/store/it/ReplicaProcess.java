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
  /** Holds the replica's port while it is down; see {@link #reserve()}. */
  private java.net.ServerSocket reservation;

  private final String cluster;

  public ReplicaProcess(Member self, List<Member> peers, Path root, String cluster) {
    this.cluster = cluster;
    this.self = self;
    this.peers = List.copyOf(peers);
    this.dataDir = root.resolve(self.id());
    this.log = root.resolve(self.id() + ".log");
  }

  public Member self() {
    return self;
  }

  public synchronized void start() throws IOException {
    release();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        StoreServerMain.class.getName(), "--id", self.id(), "--address", self.address(),
        "--peers", peers.stream().map(m -> m.id() + "=" + m.address()).collect(Collectors.joining(",")),
        "--data-dir", dataDir.toString(), "--cluster", cluster));
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
      reserve();
    }
  }

  /**
   * Holds the dead replica's port until it restarts. Every store cluster has the same Raft group id
   * and these tests name replicas n1, n2, ..., so a replica of another test on this machine that
   * took the freed port would be taken for this one by the rest of the cluster (its
   * acknowledgements would count towards commits here) and by the client. The port listens but
   * resets every connection at once, which Ratis treats like a refused one.
   */
  private void reserve() {
    int port = Integer.parseInt(self.address().substring(self.address().lastIndexOf(':') + 1));
    try {
      java.net.ServerSocket s = new java.net.ServerSocket();
      s.setReuseAddress(true); // the dead replica's connections linger in TIME_WAIT
      s.bind(new java.net.InetSocketAddress(port));
      reservation = s;
      Thread resetter = new Thread(() -> {
        while (!s.isClosed()) {
          try (java.net.Socket c = s.accept()) {
            c.setSoLinger(true, 0);
          } catch (IOException e) {
            // closed: the replica restarts
          }
        }
      }, "reserve-" + self.id());
      resetter.setDaemon(true);
      resetter.start();
    } catch (IOException e) {
      System.out.println("WARNING: cannot hold port " + port + " of " + self.id() + " while it is down ("
          + e.getMessage() + "): another process may have taken it and answer in its place");
    }
  }

  private void release() {
    if (reservation != null) {
      try {
        reservation.close();
      } catch (IOException ignored) {
        // nothing to do
      }
      reservation = null;
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
    release();
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
