package io.disponent.controllers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.client.ApiClient;
import io.disponent.client.Gvr;
import io.disponent.client.runtime.EventRecorder;
import io.disponent.client.runtime.LeaderCallbacks;
import io.disponent.client.runtime.LeaderElectionConfig;
import io.disponent.client.runtime.LeaderElector;
import io.disponent.testkit.ControlPlaneExtension;
import io.disponent.testkit.TaskBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LeaderElector and EventRecorder against one real server; each test in a namespace of its own. */
class LeaseAndEventsIT {

  @RegisterExtension static final ControlPlaneExtension cp = new ControlPlaneExtension();

  @Test
  void onlyOneLeadsAndTheOtherTakesOverAfterClose() {
    Counting a = new Counting();
    Counting b = new Counting();
    LeaderElector ea = elector(cp.client(), "a", a);
    LeaderElector eb = elector(cp.client(), "b", b);
    try {
      ea.start();
      eb.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> ea.isLeader() || eb.isLeader());
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
          .until(() -> ea.isLeader() ^ eb.isLeader());
      LeaderElector leader = ea.isLeader() ? ea : eb;
      LeaderElector follower = leader == ea ? eb : ea;
      Counting leaderCalls = leader == ea ? a : b;
      Counting followerCalls = leader == ea ? b : a;
      assertThat(follower.leader()).isEqualTo(leader == ea ? "a" : "b");

      leader.close();
      assertThat(leaderCalls.stopped.get()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(5)).until(follower::isLeader);
      assertThat(followerCalls.started.get()).isEqualTo(1);
      JsonNode lease = cp.client().get(Gvr.LEASES, cp.namespace(), "it-lease");
      assertThat(lease.path("spec").path("holderIdentity").asText()).isEqualTo(follower == ea ? "a" : "b");
      assertThat(lease.path("spec").path("leaseTransitions").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(lease.path("spec").path("renewTime").asText()).isNotEmpty();
    } finally {
      ea.close();
      eb.close();
    }
  }

  @Test
  void repeatsAreAggregatedIntoOneEventWithACount() {
    ApiClient client = cp.client();
    String ns = cp.namespace();
    JsonNode task = client.create(Gvr.TASKS, ns, TaskBuilder.task(ns, "t1").build());
    EventRecorder rec = new EventRecorder(client, "scheduler", Clock.systemUTC(), 16);
    rec.warning(task, "FailedScheduling", "0/3 nodes fit");
    rec.warning(task, "FailedScheduling", "0/3 nodes fit");
    rec.warning(task, "FailedScheduling", "0/3 nodes fit");
    rec.normal(task, "Scheduled", "bound to n1");
    assertThat(rec.flush(Duration.ofSeconds(10))).as("events are written asynchronously").isTrue();

    List<JsonNode> events = StreamSupport.stream(client.list(Gvr.EVENTS, ns, null, null).items().spliterator(),
        false).collect(Collectors.toList());
    assertThat(events).hasSize(2);
    JsonNode failed = events.stream().filter(e -> e.path("reason").asText().equals("FailedScheduling"))
        .findFirst().orElseThrow();
    assertThat(failed.path("count").asInt()).isEqualTo(3);
    assertThat(failed.path("type").asText()).isEqualTo("Warning");
    assertThat(failed.path("source").path("component").asText()).isEqualTo("scheduler");
    assertThat(failed.path("involvedObject").path("uid").asText()).isEqualTo(task.path("metadata").path("uid").asText());
    assertThat(failed.path("involvedObject").path("kind").asText()).isEqualTo("Task");
    assertThat(failed.path("firstTimestamp").asText()).isNotEmpty();
    assertThat(failed.path("lastTimestamp").asText()).isNotEmpty();
  }

  private static LeaderElector elector(ApiClient client, String id, Counting calls) {
    return new LeaderElector(client, new LeaderElectionConfig(cp.namespace(), "it-lease", id, Duration.ofSeconds(3),
        Duration.ofSeconds(2), Duration.ofMillis(200)), calls, Clock.systemUTC());
  }

  private static final class Counting implements LeaderCallbacks {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger stopped = new AtomicInteger();

    @Override
    public void onStartedLeading() {
      started.incrementAndGet();
    }

    @Override
    public void onStoppedLeading() {
      stopped.incrementAndGet();
    }
  }
}
