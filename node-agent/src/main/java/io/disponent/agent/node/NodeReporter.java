package io.disponent.agent.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ApiException;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.runtime.DaemonThreads;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.NodeSpec;
import io.disponent.crds.model.NodeStatus;
import io.disponent.crds.vocab.ConditionTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this agent's Node registered and its Lease renewed. Every {@code leaseDuration / 3}: renew
 * the Lease {@code disponent-system/<node>} (creating it when missing) first, since it is what tells the node
 * controller this node lives, and then (re-)register the Node
 * when it has not been done since the last failure, or every {@code REREGISTER} anyway (a Node
 * deleted by hand comes back). Failures are logged and retried at the next tick; the tasks never
 * depend on this succeeding.
 */
public final class NodeReporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeReporter.class);
  public static final String LEASE_NAMESPACE = "disponent-system";
  private static final Duration REREGISTER = Duration.ofSeconds(60);

  private final ApiClient client;
  private final String nodeName;
  private final NodeSpec spec;
  private final Supplier<NodeStatus> status;
  private final Duration leaseDuration;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private volatile Instant registeredAt;
  private volatile Instant renewedAt;

  public NodeReporter(ApiClient client, String nodeName, NodeSpec spec, Supplier<NodeStatus> status,
      Duration leaseDuration, Clock clock) {
    this.client = client;
    this.nodeName = nodeName;
    this.spec = spec;
    this.status = status;
    this.leaseDuration = leaseDuration;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("node-reporter"));
  }

  public NodeReporter start() {
    long period = Math.max(100, leaseDuration.toMillis() / 3);
    timer.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    return this;
  }

  /** When the Lease was last renewed by this agent, or null. */
  public Instant renewedAt() {
    return renewedAt;
  }

  /** Forces a Node status update at the next tick (limits or capacity changed). */
  public void invalidate() {
    registeredAt = null;
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      renewLease(now);
      renewedAt = now;
      if (registeredAt == null || now.isAfter(registeredAt.plus(REREGISTER))) {
        register(now);
        registeredAt = now;
      }
    } catch (ApiException | IllegalStateException e) {
      registeredAt = null;
      LOG.warn("node {}: cannot report to the API ({}); retrying", nodeName, e.getMessage());
    } catch (RuntimeException e) {
      registeredAt = null;
      LOG.error("node {}: reporting failed", nodeName, e);
    }
  }

  void register(Instant now) {
    ObjectNode specPatch = Models.MAPPER.createObjectNode();
    specPatch.set("spec", Models.tree(spec));
    JsonNode current;
    try {
      current = client.patch(Gvr.NODES, null, nodeName, PatchType.MERGE, specPatch);
    } catch (NotFoundException e) {
      ObjectNode node = Models.MAPPER.createObjectNode().put("apiVersion", "disponent.io/v1").put("kind", "Node");
      node.putObject("metadata").put("name", nodeName);
      node.set("spec", Models.tree(spec));
      try {
        current = client.create(Gvr.NODES, null, node);
        LOG.info("node {}: registered", nodeName);
      } catch (ConflictException raced) {
        current = client.get(Gvr.NODES, null, nodeName);
      }
    }
    long generation = current.path("metadata").path("generation").asLong(1);
    NodeStatus s = status.get();
    Condition ready = readyCondition(current, generation, now);
    NodeStatus withReady = new NodeStatus(s.capacity(), s.allocatable(), null, s.agentVersion(), s.agentURL(),
        s.limitsEnforced(), s.limitsMessage(), mergeCondition(current.path("status").path("conditions"), ready));
    ObjectNode patch = Models.MAPPER.createObjectNode();
    patch.set("status", Models.tree(withReady));
    client.patchStatus(Gvr.NODES, null, nodeName, PatchType.MERGE, patch);
  }

  private static Condition readyCondition(JsonNode node, long generation, Instant now) {
    String since = ts(now);
    for (JsonNode c : node.path("status").path("conditions")) {
      if (ConditionTypes.READY.equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
        since = c.path("lastTransitionTime").asText(since);
      }
    }
    return new Condition(ConditionTypes.READY, "True", generation, since, "AgentReady", "the agent is running and reporting");
  }

  /** The conditions with {@code c} replacing the one of its type (others, set by controllers, are kept). */
  static List<Condition> mergeCondition(JsonNode existing, Condition c) {
    java.util.ArrayList<Condition> out = new java.util.ArrayList<>();
    for (JsonNode e : existing) {
      if (!c.type().equals(e.path("type").asText())) {
        out.add(Models.read(e, Condition.class));
      }
    }
    out.add(c);
    return out;
  }

  private void renewLease(Instant now) {
    ObjectNode patch = Models.MAPPER.createObjectNode();
    ObjectNode spec = patch.putObject("spec")
        .put("holderIdentity", nodeName)
        .put("leaseDurationSeconds", Math.max(1, leaseDuration.toSeconds()))
        .put("renewTime", micro(now));
    try {
      client.patch(Gvr.LEASES, LEASE_NAMESPACE, nodeName, PatchType.MERGE, patch);
    } catch (NotFoundException e) {
      ObjectNode lease = Models.MAPPER.createObjectNode().put("apiVersion", "coordination.k8s.io/v1").put("kind", "Lease");
      lease.putObject("metadata").put("name", nodeName).put("namespace", LEASE_NAMESPACE);
      ObjectNode s = spec.deepCopy().put("acquireTime", micro(now));
      lease.set("spec", s);
      try {
        client.create(Gvr.LEASES, LEASE_NAMESPACE, lease);
      } catch (ConflictException raced) {
        client.patch(Gvr.LEASES, LEASE_NAMESPACE, nodeName, PatchType.MERGE, patch);
      }
    }
  }

  static String ts(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  static String micro(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC)
        .format(t.truncatedTo(ChronoUnit.MICROS));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
