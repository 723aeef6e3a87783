package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, first slice: three real {@code disponent server} members on this machine, started one after another
 * as the README says. A member alone waits for its peers (alive, {@code /readyz} 503 with the reason, requests
 * a 503 Status with Retry-After) instead of exiting; all three become ready; what kubectl writes through one
 * member it reads through the others; with a follower killed -9, the other two keep taking writes and reads.
 */
class ThreeMembersE2E {

  private static final List<String> IDS = List.of("n1", "n2", "n3");
  private static final Duration ALL_READY = Duration.ofSeconds(60);
  private static final Duration STAGGER = Duration.ofMillis(1500);
  private static final Duration SHORT = Duration.ofSeconds(20);
  private static final String SERVING = "API server serving on";
  private static final String CONTROLLERS_STARTED = "starts the controllers";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, DisponentProcess> members = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stopMembers() {
    members.values().forEach(DisponentProcess::close);
  }

  @Test
  void membersWaitForQuorumServeOneAnothersWritesAndOutliveAFollower() throws Exception {
    DisponentProcess.assumeRunnable();
    Path work = DisponentProcess.workDir(getClass());
    MemberPorts ports = MemberPorts.free(IDS);
    Map<String, Integer> apiPorts = ports.api();
    Map<String, Integer> raftPorts = ports.raft();
    String peers = ports.peers();
    Instant began = Instant.now();

    DisponentProcess first = start(work, "n1", apiPorts, raftPorts, peers);
    await("n1 listens").atMost(SHORT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> get(first, "/livez").statusCode() == 200);
    HttpResponse<String> readyz = get(first, "/readyz");
    assertThat(readyz.statusCode()).as("alone: %s", readyz.body()).isEqualTo(503);
    assertThat(readyz.body()).contains("store has no leader yet");
    assertRefusedWithRetryAfter(get(first, "/apis/disponent.io/v1/namespaces/default/services"));
    assertRefusedWithRetryAfter(get(first, "/api"));

    Thread.sleep(STAGGER.toMillis());
    assertThat(first.process().isAlive()).as("n1 waits for its peers:\n%s", first.logTail()).isTrue();
    start(work, "n2", apiPorts, raftPorts, peers);
    Thread.sleep(STAGGER.toMillis());
    start(work, "n3", apiPorts, raftPorts, peers);
    for (DisponentProcess m : members.values()) {
      m.awaitReady(Duration.between(Instant.now(), began.plus(ALL_READY)));
    }

    await("a member runs the controllers").atMost(SHORT).pollInterval(Duration.ofMillis(250))
        .until(() -> members.values().stream().anyMatch(m -> m.log().contains(CONTROLLERS_STARTED)));
    members.forEach((id, m) -> {
      String log = m.log();
      assertThat(log).as("%s serves", id).contains(SERVING);
      if (log.contains(CONTROLLERS_STARTED)) {
        assertThat(log.indexOf(CONTROLLERS_STARTED)).as("%s starts its controllers once it serves", id)
            .isGreaterThan(log.indexOf(SERVING));
      }
    });

    Map<String, Kubectl> kubectl = new LinkedHashMap<>();
    members.forEach((id, m) -> kubectl.put(id, new Kubectl(m.kubeconfig(), work.resolve("home-" + id))));
    kubectl.get("n1").stdin(service("web"), "apply", "-f", "-").ok();
    String uid = uid(kubectl.get("n1"), "web");
    assertThat(uid).isNotBlank();
    for (String id : List.of("n2", "n3")) {
      await("web read through " + id).atMost(SHORT).pollInterval(Duration.ofMillis(250))
          .untilAsserted(() -> assertThat(uid(kubectl.get(id), "web")).isEqualTo(uid));
    }

    String leader = MemberLogs.agreedLeader(members, SHORT);
    String follower = IDS.stream().filter(id -> !id.equals(leader)).reduce((a, b) -> b).orElseThrow();
    DisponentProcess victim = members.get(follower);
    victim.process().destroyForcibly(); // kill -9, by the handle
    assertThat(victim.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

    List<String> survivors = IDS.stream().filter(id -> !id.equals(follower)).toList();
    for (String writer : survivors) {
      String name = "after-" + writer;
      kubectl.get(writer).stdin(service(name), "apply", "-f", "-").ok();
      String written = uid(kubectl.get(writer), name);
      for (String reader : survivors) {
        await(name + " read through " + reader).atMost(SHORT).pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> assertThat(uid(kubectl.get(reader), name)).isEqualTo(written));
      }
    }
    for (String id : survivors) {
      assertThat(get(members.get(id), "/readyz").statusCode()).as("%s still ready", id).isEqualTo(200);
      assertThat(kubectl.get(id).run("get", "dsvc", "-o", "name").ok())
          .contains("service.disponent.io/web", "service.disponent.io/after-" + survivors.get(0),
              "service.disponent.io/after-" + survivors.get(1));
    }
  }

  private DisponentProcess start(Path work, String id, Map<String, Integer> apiPorts, Map<String, Integer> raftPorts,
      String peers) {
    DisponentProcess m = DisponentProcess.startServer(work.resolve(id), id, apiPorts.get(id), raftPorts.get(id), peers);
    members.put(id, m);
    return m;
  }

  private static void assertRefusedWithRetryAfter(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).as("Retry-After")
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo("ServiceUnavailable");
    assertThat(status.path("code").asInt()).isEqualTo(503);
    assertThat(status.path("message").asText()).contains("store has no leader yet");
  }

  private HttpResponse<String> get(DisponentProcess m, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(m.url() + path)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String uid(Kubectl kubectl, String service) {
    return kubectl.run("get", "dsvc", service, "-o", "jsonpath={.metadata.uid}").ok();
  }

  /** A Service of one {@code sleep 3600}. */
  static String service(String name) {
    return """
        apiVersion: disponent.io/v1
        kind: Service
        metadata: {name: %s}
        spec:
          instances: 1
          template:
            spec:
              command: ["sleep", "3600"]
        """.formatted(name);
  }
}
