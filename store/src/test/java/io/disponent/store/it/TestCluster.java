package io.disponent.store.it;

import io.disponent.store.FreePorts;
import io.disponent.store.Member;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.Store;
import io.disponent.store.StoreLimits;
import io.disponent.store.StoreTuning;
import io.disponent.store.Transport;
import io.disponent.store.internal.raft.Replica;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** Replicas of one store cluster in this JVM, each with real RocksDB and a real log on disk. */
public final class TestCluster implements AutoCloseable {
  private final Path root;
  private final StoreTuning tuning;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, Replica> running = new LinkedHashMap<>();

  public TestCluster(Path root, int size, StoreTuning tuning) {
    this.root = root;
    // a name of its own: other test clusters on this machine may reuse a stopped member's port
    this.tuning = tuning.cluster().isEmpty() ? tuning.withCluster("test-" + java.util.UUID.randomUUID()) : tuning;
    for (int i = 1; i <= size; i++) {
      String id = "n" + i;
      members.put(id, new Member(id, "127.0.0.1:" + FreePorts.loopback()));
    }
  }

  public static StoreTuning fastTuning() {
    return new StoreTuning(256, 4 << 20, 2, 256, 4, Duration.ofSeconds(20), Duration.ofMillis(600), 100_000, 0,
        Duration.ZERO, "");
  }

  public TestCluster startAll() {
    members.keySet().forEach(this::start);
    awaitLeader();
    return this;
  }

  public synchronized List<Member> members() {
    return List.copyOf(members.values());
  }

  public Path dataDir(String id) {
    return root.resolve(id);
  }

  public synchronized Replica start(String id) {
    ReplicaConfig config = new ReplicaConfig(members.get(id), members(), dataDir(id), Transport.GRPC,
        StoreLimits.DEFAULT, tuning);
    try {
      Replica r = Replica.start(config);
      running.put(id, r);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Declares a new member (not yet started) with a fresh port. */
  public synchronized Member declare(String id) {
    Member m = new Member(id, "127.0.0.1:" + FreePorts.loopback());
    members.put(id, m);
    return m;
  }

  public synchronized void forget(String id) {
    members.remove(id);
  }

  public synchronized void stop(String id) {
    Replica r = running.remove(id);
    if (r != null) {
      r.close();
    }
  }

  public synchronized void wipe(String id) {
    try (Stream<Path> s = Files.walk(dataDir(id))) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized Replica replica(String id) {
    return running.get(id);
  }

  public synchronized List<Replica> running() {
    return new ArrayList<>(running.values());
  }

  public Store store(String id) {
    return replica(id).store();
  }

  public synchronized Replica leader() {
    return running.values().stream().filter(Replica::isLeader).findFirst().orElse(null);
  }

  public Replica awaitLeader() {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leader() != null);
    return leader();
  }

  public synchronized Replica aFollower() {
    return running.values().stream().filter(r -> !r.isLeader()).findFirst().orElseThrow();
  }

  @Override
  public synchronized void close() {
    new ArrayList<>(running.keySet()).forEach(this::stop);
  }
}
