package io.disponent.bench;

import io.disponent.store.Member;
import io.disponent.store.Store;
import io.disponent.store.StoreClients;
import io.disponent.store.StoreTuning;
import io.disponent.store.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects to a running Disponent store. The transport (grpc, netty) and the client's write
 * batching can be set for tuning runs: {@code -Dbench.transport=netty},
 * {@code -Dbench.writeBatchesInFlight=N}, {@code -Dbench.writeBatchItems=N}.
 */
final class DisponentConnector {
  private DisponentConnector() {}

  /** {@code spec} is {@code id=host:port,...}. */
  static Store connect(String spec) {
    StoreTuning tuning = StoreTuning.DEFAULT.withWriteBatching(
        Integer.getInteger("bench.writeBatchItems", StoreTuning.DEFAULT.writeBatchItems()),
        Integer.getInteger("bench.writeBatchesInFlight", StoreTuning.DEFAULT.writeBatchesInFlight()));
    Transport transport = Transport.valueOf(System.getProperty("bench.transport", "grpc").toUpperCase());
    return StoreClients.connect(parseMembers(spec), transport, tuning);
  }

  static List<Member> parseMembers(String spec) {
    List<Member> members = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] idAddress = part.trim().split("=", 2);
      if (idAddress.length != 2 || idAddress[0].isEmpty() || idAddress[1].isEmpty()) {
        throw new IllegalArgumentException("expected id=host:port, got " + part);
      }
      members.add(new Member(idAddress[0], idAddress[1]));
    }
    return members;
  }
}
