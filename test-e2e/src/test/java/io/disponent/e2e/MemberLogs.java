package io.disponent.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What control-plane members' logs tell a test: nothing over HTTP names the Raft leader yet. */
final class MemberLogs {
  /** What each replica logs when it learns a new leader (StoreStateMachine). */
  private static final Pattern LEADER = Pattern.compile("replica (\\S+): leader is (\\S+)");

  private MemberLogs() {}

  /** The leader every member's log names last; waits until they all agree. */
  static String agreedLeader(Map<String, DisponentProcess> members, Duration atMost) {
    return await("the members agree on a leader").atMost(atMost).pollInterval(Duration.ofMillis(250))
        .until(() -> {
          List<String> seen = members.values().stream().map(m -> lastLeader(m.log()).orElse("unknown")).toList();
          return seen.stream().distinct().count() == 1 && members.containsKey(seen.get(0)) ? seen.get(0) : null;
        }, l -> l != null);
  }

  private static Optional<String> lastLeader(String log) {
    Matcher m = LEADER.matcher(log);
    String last = null;
    while (m.find()) {
      last = m.group(2);
    }
    return Optional.ofNullable(last);
  }
}
