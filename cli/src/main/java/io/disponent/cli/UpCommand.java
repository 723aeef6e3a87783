package io.disponent.cli;

import io.disponent.apiserver.ApiServer;
import io.disponent.apiserver.ApiServerConfig;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.internal.raft.Replica;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded default on this machine until interrupted. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run Disponent on this machine: one store replica and the API server (a local agent joins"
        + " with the workloads issue).")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--data-dir", description = "Where state lives (default: ~/.disponent).")
  Path dataDir = Path.of(System.getProperty("user.home"), ".disponent");

  @Option(names = "--store-port", description = "The store replica's Raft port on 127.0.0.1 (default: 2380).")
  int storePort = 2380;

  @Option(names = "--port", description = "The API server's port on 127.0.0.1 (default: 7080).")
  int port = 7080;

  @Override
  public Integer call() throws Exception {
    String address = "127.0.0.1:" + storePort;
    Replica replica = Replica.start(ReplicaConfig.single(address, dataDir.resolve("store")));
    ApiServer server;
    try {
      server = ApiServer.start(replica.store(), ApiServerConfig.defaults("127.0.0.1", port));
    } catch (RuntimeException e) {
      replica.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping");
      server.close();
      replica.close();
      stopped.countDown();
    }, "disponent-shutdown"));
    Path kubeconfig = Kubeconfig.write(dataDir, server.url());
    var status = replica.store().status().get();
    System.out.printf("disponent is up: API at %s, store replica %s at %s (revision %d), data in %s%n",
        server.url(), status.memberId(), address, status.revision(), dataDir);
    System.out.printf("export KUBECONFIG=%s%n", kubeconfig);
    System.out.println("Press Ctrl-C to stop.");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
