package io.disponent.store;

import io.disponent.store.internal.raft.RaftClients;
import java.util.List;

/** Clients for a store cluster that runs in other processes. */
public final class StoreClients {
  private StoreClients() {}

  /** A client of the cluster with these members; it has no local replica, so it cannot watch. */
  public static Store connect(List<Member> members) {
    return connect(members, Transport.GRPC, StoreTuning.DEFAULT);
  }

  public static Store connect(List<Member> members, Transport transport, StoreTuning tuning) {
    return RaftClients.remote(members, transport, tuning);
  }
}
