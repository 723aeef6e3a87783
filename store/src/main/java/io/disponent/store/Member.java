package io.disponent.store;

import java.util.Objects;

/**
 * One store replica.
 *
 * @param id a stable name, unique in the cluster
 * @param address host:port of its Raft endpoint
 */
public record Member(String id, String address) {
  public Member {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(address, "address");
  }
}
