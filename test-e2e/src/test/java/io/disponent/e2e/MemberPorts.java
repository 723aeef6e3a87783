package io.disponent.e2e;

import io.disponent.store.FreePorts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Free loopback ports for control-plane members on this machine: each one's API and Raft port, by member id. */
record MemberPorts(Map<String, Integer> api, Map<String, Integer> raft) {

  static MemberPorts free(List<String> ids) {
    Map<String, Integer> api = new LinkedHashMap<>();
    Map<String, Integer> raft = new LinkedHashMap<>();
    for (String id : ids) {
      api.put(id, FreePorts.loopback());
      raft.put(id, FreePorts.loopback());
    }
    return new MemberPorts(api, raft);
  }

  /** {@code --peers}: id=127.0.0.1:raftPort,... */
  String peers() {
    return raft.entrySet().stream().map(e -> e.getKey() + "=127.0.0.1:" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** {@code --api-urls}: every member's API URL. */
  String apiUrls() {
    return api.values().stream().map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(","));
  }
}
