package io.disponent.cli;

import io.disponent.store.ReplicaConfig;
import io.disponent.store.internal.raft.Replica;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded default on this machine until interrupted. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run Disponent on this machine: one store replica (the API server and a local agent join it"
        + " as they land).")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--data-dir", description = "Where state lives (default: ~/.disponent).")
  Path dataDir = Path.of(System.getProperty("user.home"), ".disponent");

  @Option(names = "--store-port", description = "The store replica's Raft port on 127.0.0.1 (default: 2380).")
  int storePort = 2380;

  @Override
  public Integer call() throws Exception {
    String address = "127.0.0.1:" + storePort;
    Replica replica = Replica.start(ReplicaConfig.single(address, dataDir.resolve("store")));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping");
      replica.close();
      stopped.countDown();
    }, "disponent-shutdown"));
    var status = replica.store().status().get();
    System.out.printf("disponent is up: store replica %s at %s, revision %d, data in %s%n",
        status.memberId(), address, status.revision(), dataDir);
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }
}
