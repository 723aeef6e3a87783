package io.disponent.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one store replica until SIGTERM, for benchmarks and multi-process tests:
 *
 * <pre>
 * StoreServerMain --id n1 --address 127.0.0.1:7001 \
 *     --peers n1=127.0.0.1:7001,n2=127.0.0.1:7002,n3=127.0.0.1:7003 --data-dir DIR \
 *     [--transport grpc|netty] [--write-batch N] [--write-in-flight N]
 * </pre>
 *
 * Prints {@code READY} on standard output once the replica serves.
 */
public final class StoreServerMain {
  private StoreServerMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    String id = required(opts, "id");
    Member self = new Member(id, required(opts, "address"));
    List<Member> peers = new ArrayList<>();
    for (String p : opts.getOrDefault("peers", id + "=" + self.address()).split(",")) {
      String[] kv = p.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--peers takes id=host:port,...: " + p);
      }
      peers.add(new Member(kv[0], kv[1]));
    }
    StoreTuning tuning = StoreTuning.DEFAULT.withCluster(opts.getOrDefault("cluster", ""));
    if (opts.containsKey("write-batch") || opts.containsKey("write-in-flight")) {
      tuning = tuning.withWriteBatching(
          Integer.parseInt(opts.getOrDefault("write-batch", String.valueOf(tuning.writeBatchItems()))),
          Integer.parseInt(opts.getOrDefault("write-in-flight", String.valueOf(tuning.writeBatchesInFlight()))));
    }
    Transport transport = Transport.valueOf(opts.getOrDefault("transport", "grpc").toUpperCase());
    ReplicaConfig config = new ReplicaConfig(self, peers, Path.of(required(opts, "data-dir")), transport,
        StoreLimits.DEFAULT, tuning);
    StoreReplica replica = StoreReplica.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      replica.close();
      stopped.countDown();
    }, "store-shutdown"));
    System.out.println("READY");
    System.out.flush();
    stopped.await();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }
}
