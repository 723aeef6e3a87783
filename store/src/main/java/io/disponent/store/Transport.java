package io.disponent.store;

/** How replicas and clients talk: Ratis's gRPC or Netty transport. */
public enum Transport { GRPC, NETTY }
