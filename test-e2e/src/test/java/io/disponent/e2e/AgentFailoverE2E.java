package io.disponent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, second slice: clients fail over across members. Three real {@code disponent server} members started at
 * once, each writing a kubeconfig that lists all three; a real {@code disponent agent} given all three URLs, the
 * member it talks to first in the list. That member is killed -9 by its handle: the agent keeps its Node Ready (no
 * Ready transition) and its task RUNNING with the same pid, a Service scaled through another member gets its new
 * task on that agent, and the {@code disponent} CLI, given the dead member's kubeconfig, still cordons the node.
 */
class AgentFailoverE2E {

  private static final List<String> IDS = List.of("n1", "n2", "n3");
  private static final Duration READY = Duration.ofSeconds(60);
  private static final Duration SHORT = Duration.ofSeconds(30);
  private static final int LEASE_SECONDS = 4;
  private static final String NODE = "a1";
  private static final String CONTROLLERS_STARTED = "starts the controllers";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, DisponentProcess> members = new LinkedHashMap<>();
  private final Set<Long> seenPids = ConcurrentHashMap.newKeySet();
  private AgentProcess agent;
  private Kubectl survivor;

  @AfterEach
  void stopAll() {
    try {
      if (survivor != null && agent != null && agent.alive()) {
        // the agent kills its tasks when their Service goes; SIGTERM alone leaves them running by design
        survivor.run("delete", "dsvc", "--all", "--wait=false");
        await("the agent's tasks gone").atMost(SHORT).pollInterval(Duration.ofMillis(500))
            .until(() -> seenPids.stream().noneMatch(AgentFailoverE2E::alive));
      }
    } finally {
      if (agent != null) {
        agent.stop();
      }
      for (long pid : seenPids) { // last resort, by pid only
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      members.values().forEach(DisponentProcess::close);
    }
  }

  @Test
  void anAgentAndTheCliOutliveTheMemberTheyTalkTo() throws Exception {
    // Not in the default run until issue 10's consistent reads land: after a member's kill -9, a merge patch through
    // a surviving follower was seen to answer 409 five times over (its replica's reads lag the leader) and the node
    // to flap NotReady when the killed member led the store (writes stall 3-6 s in the Raft client, over the 4 s
    // lease). It passed where it was written and failed in two later runs; see test-e2e/README.md.
    assumeTrue(Boolean.getBoolean("e2e.failover"), "flaky until reads are consistent: run with -De2e.failover=true");
    DisponentProcess.assumeRunnable();
    Path work = DisponentProcess.workDir(getClass());
    MemberPorts ports = MemberPorts.free(IDS);
    Instant began = Instant.now();
    for (String id : IDS) {
      members.put(id, DisponentProcess.startServer(work.resolve(id), id, ports.api().get(id), ports.raft().get(id),
          ports.peers(), "--api-urls", ports.apiUrls()));
    }
    for (DisponentProcess m : members.values()) {
      m.awaitReady(Duration.between(Instant.now(), began.plus(READY)));
    }
    String holder = await("a member runs the controllers").atMost(SHORT).pollInterval(Duration.ofMillis(250))
        .until(() -> IDS.stream().filter(id -> members.get(id).log().contains(CONTROLLERS_STARTED)).findFirst()
            .orElse(null), h -> h != null);
    // the agent talks to the first URL it is given: a member that neither runs the controllers nor leads the store,
    // so that the test measures the agent's failover, not the controllers' (their Lease has its own test) nor a
    // Raft election (during which no member takes writes, lease renewals included)
    String raftLeader = MemberLogs.agreedLeader(members, SHORT);
    String victimId = IDS.stream().filter(id -> !id.equals(holder) && !id.equals(raftLeader)).findFirst()
        .orElseThrow();
    DisponentProcess victim = members.get(victimId);
    List<String> agentUrls = new ArrayList<>(List.of(victim.url()));
    IDS.stream().filter(id -> !id.equals(victimId)).map(id -> members.get(id).url()).forEach(agentUrls::add);
    survivor = new Kubectl(members.get(holder).kubeconfig(), work.resolve("home-" + holder));

    int base = 20000 + new java.util.Random().nextInt(90) * 100;
    agent = AgentProcess.start(String.join(",", agentUrls), NODE, work.resolve("agent-" + NODE), List.of(
        "--port-range", base + "-" + (base + 29), "--lease-seconds", Integer.toString(LEASE_SECONDS)));
    await("node " + NODE + " Ready").atMost(SHORT).pollInterval(Duration.ofMillis(500)).until(this::nodeReady);
    survivor.stdin(ThreeMembersE2E.service("web"), "apply", "-f", "-").ok();
    JsonNode first = await("web's task RUNNING on " + NODE).atMost(SHORT).pollInterval(Duration.ofMillis(500))
        .until(() -> running().stream().findFirst().orElse(null), t -> t != null);
    long pid = pid(first);
    String readySince = readySince();

    victim.process().destroyForcibly(); // kill -9, by the handle
    assertThat(victim.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
    Instant killed = Instant.now();

    survivor.run("patch", "dsvc", "web", "--type", "merge", "-p", "{\"spec\":{\"instances\":2}}").ok();
    List<JsonNode> two = await("the scaled-up task RUNNING on " + NODE).atMost(SHORT)
        .pollInterval(Duration.ofMillis(500)).until(this::running, l -> l.size() == 2);
    assertThat(two).extracting(AgentFailoverE2E::name).contains(name(first));

    // until three node leases after the kill, Ready stays True since before it: the agent renewed through the others
    Duration rest = Duration.between(Instant.now(), killed.plusSeconds(3L * LEASE_SECONDS));
    if (!rest.isNegative()) {
      await("Ready stays True").during(rest).atMost(rest.plus(SHORT)).pollInterval(Duration.ofSeconds(1))
          .until(() -> readyCondition().equals(readySince));
    }
    assertThat(readyCondition()).as("Ready never left True:\n%s", agent.logTail()).isEqualTo(readySince);
    JsonNode still = running().stream().filter(t -> name(t).equals(name(first))).findFirst().orElseThrow();
    assertThat(pid(still)).as("same pid").isEqualTo(pid);
    assertThat(alive(pid)).isTrue();
    assertThat(agent.log()).as("the agent left the killed member").contains(victim.url() + " failed");

    Kubectl.Result cordon = DisponentCli.run(victim.kubeconfig(), work.resolve("home-" + holder), "cordon",
        Duration.ofSeconds(60), "node", "cordon", NODE);
    assertThat(cordon.exit()).as("%s", cordon).isZero();
    assertThat(survivor.run("get", "dnode", NODE, "-o", "jsonpath={.spec.unschedulable}").ok()).isEqualTo("true");
  }

  private boolean nodeReady() {
    Kubectl.Result r = survivor.run("get", "dnode", NODE, "-o",
        "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
    return r.exit() == 0 && r.out().trim().equals("True");
  }

  /** The node's Ready condition, asserted True, with its lastTransitionTime. */
  private String readySince() {
    String out = readyCondition();
    assertThat(out).startsWith("True ");
    return out;
  }

  /** "status lastTransitionTime" of the node's Ready condition. */
  private String readyCondition() {
    return survivor.run("get", "dnode", NODE, "-o",
        "jsonpath={.status.conditions[?(@.type==\"Ready\")].status} {.status.conditions[?(@.type==\"Ready\")]"
            + ".lastTransitionTime}").ok().trim();
  }

  /** web's tasks RUNNING with a pid on the node (their pids remembered for the cleanup). */
  private List<JsonNode> running() throws Exception {
    JsonNode list = JSON.readTree(survivor.run("get", "dtask", "-o", "json").ok());
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode t : list.path("items")) {
      if (pid(t) > 0) {
        seenPids.add(pid(t));
      }
      if ("RUNNING".equals(t.path("status").path("state").asText()) && pid(t) > 0
          && NODE.equals(t.path("spec").path("nodeName").asText())) {
        out.add(t);
      }
    }
    return out;
  }

  private static long pid(JsonNode t) {
    return t.path("status").path("pid").asLong();
  }

  private static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
