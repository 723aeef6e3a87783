package io.disponent.store.internal.raft;

import io.disponent.store.Member;
import io.disponent.store.Store;
import io.disponent.store.StoreTuning;
import io.disponent.store.Transport;
import io.disponent.store.internal.DaemonThreads;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds remote clients. */
public final class RaftClients {
  private RaftClients() {}

  public static Store remote(List<Member> members, Transport transport, StoreTuning tuning) {
    ExecutorService callbacks = Executors.newFixedThreadPool(4, DaemonThreads.named("store-client-callback"));
    return new RaftStore(() -> RaftConfig.newClient(members, transport, tuning), RaftConfig.groupId(tuning.cluster()),
        RaftConfig.peerIds(members), Optional.empty(), BatchSettings.of(tuning), tuning.requestTimeout(), callbacks,
        callbacks::shutdownNow);
  }
}
