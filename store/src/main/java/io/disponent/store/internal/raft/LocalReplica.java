package io.disponent.store.internal.raft;

import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;

/** The replica running in this process, when there is one: it serves watches and local reads. */
record LocalReplica(RaftServer server, RaftGroupId groupId, RaftPeerId peerId, StoreStateMachine stateMachine) {}
