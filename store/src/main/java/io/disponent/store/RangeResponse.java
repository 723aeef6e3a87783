package io.disponent.store;

import java.util.List;

/**
 * The result of a {@link RangeRequest}.
 *
 * @param kvs the matching keys in key order (empty for a count-only read)
 * @param count how many keys match in all, ignoring the limit
 * @param more whether the limit left matching keys out
 * @param revision the store's revision the read was served at (the current revision, even for a
 *     read at a past revision, as etcd reports it)
 */
public record RangeResponse(List<KeyValue> kvs, long count, boolean more, long revision) {
  public RangeResponse {
    kvs = List.copyOf(kvs);
  }
}
