package io.disponent.cli;

import io.disponent.store.StoreServerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs one replica of a multi-replica store cluster. */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "Run one store replica of a 1-, 3- or 5-replica cluster until SIGTERM.")
final class StoreCommand implements Callable<Integer> {
  @Option(names = "--id", required = true, description = "This replica's member id, e.g. n1.")
  String id;

  @Option(names = "--address", required = true, description = "host:port of this replica's Raft endpoint.")
  String address;

  @Option(names = "--peers", required = true, description = "Every member: id=host:port,... (self included).")
  String peers;

  @Option(names = "--data-dir", required = true, description = "This replica's data directory.")
  String dataDir;

  @Option(names = "--transport", description = "grpc or netty (default: grpc).")
  String transport = "grpc";

  @Option(names = "--cluster", description = "The cluster's name, the same on every member (default: none).")
  String cluster = "";

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--id", id, "--address", address, "--peers", peers,
        "--data-dir", dataDir, "--transport", transport, "--cluster", cluster));
    StoreServerMain.main(args.toArray(String[]::new));
    return 0;
  }
}
