package io.disponent.cli;

import io.disponent.store.Member;
import io.disponent.store.ReplicaConfig;
import io.disponent.store.StoreLimits;
import io.disponent.store.StoreTuning;
import io.disponent.store.Transport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One control-plane machine of 1, 3 or 5: store replica, API server and controllers. */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Run one control-plane member (store replica, API server, controllers) until SIGTERM.")
final class ServerCommand implements Callable<Integer> {

  @Option(names = "--data-dir", required = true, description = "This member's data directory.")
  Path dataDir;

  @Option(names = "--host", description = "The API server's address (default 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "The API server's port (default 7080).")
  int port = 7080;

  @Option(names = "--id", description = "This member's store id (default n1).")
  String id = "n1";

  @Option(names = "--store-address", description = "host:port of this member's Raft endpoint (default 127.0.0.1:2380).")
  String storeAddress = "127.0.0.1:2380";

  @Option(names = "--peers", description = "Every member: id=host:port,... (self included); default: this one alone.")
  String peers;

  @Option(names = "--cluster", description = "The cluster's name, the same on every member: replicas of "
      + "differently named clusters never join each other (default: none).")
  String cluster = "";

  @Option(names = "--api-urls", split = ",", paramLabel = "URL[,URL...]", description = "Every member's API URL, "
      + "this one's included: the kubeconfig this member writes lists them (extension servers.disponent.io) for "
      + "the disponent CLI to fail over; kubectl uses this member's alone (default: this member's).")
  List<String> apiUrls = List.of();

  @Override
  public Integer call() throws Exception {
    Member self = new Member(id, storeAddress);
    List<Member> members = new ArrayList<>();
    if (peers == null) {
      members.add(self);
    } else {
      for (String p : peers.split(",")) {
        String[] kv = p.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("--peers takes id=host:port,...: " + p);
        }
        members.add(new Member(kv[0], kv[1]));
      }
    }
    ReplicaConfig store = new ReplicaConfig(self, members, dataDir.resolve("store"), Transport.GRPC,
        StoreLimits.DEFAULT, StoreTuning.DEFAULT.withCluster(cluster));
    ControlPlane plane = ControlPlane.startMember(store, host, port);
    CleanStop.onStop("disponent-shutdown", () -> {
      plane.close();
      System.out.println("disponent server " + id + " stopped");
    });
    List<String> everyMember = new ArrayList<>(List.of(plane.url()));
    apiUrls.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
        .filter(u -> !everyMember.contains(u)).forEach(everyMember::add);
    Path kubeconfig = Kubeconfig.write(dataDir, plane.url(), everyMember);
    System.out.printf("disponent server %s listening at %s; ready (GET /readyz) once store member %s at %s "
        + "has a leader%nexport KUBECONFIG=%s%n", id, plane.url(), id, storeAddress, kubeconfig);
    System.out.flush();
    plane.serving().thenRun(() -> {
      System.out.printf("disponent server %s is up: API at %s, store member %s at %s%n", id, plane.url(), id,
          storeAddress);
      System.out.flush();
    });
    return CleanStop.awaitStop();
  }
}
