package io.disponent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.ApiClient;
import io.disponent.client.ConflictException;
import io.disponent.client.Gvr;
import io.disponent.client.NotFoundException;
import io.disponent.client.PatchType;
import io.disponent.client.runtime.Controller;
import io.disponent.client.runtime.DaemonThreads;
import io.disponent.client.runtime.Informer;
import io.disponent.client.runtime.Key;
import io.disponent.client.runtime.Result;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Finalizers;
import io.disponent.crds.vocab.TaskStates;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N simulated agents in one process, honouring the agent's side of the Task lifecycle contract without running
 * anything: registers Nodes (capacity, allocatable, agentURL, Ready), renews one Lease per node in
 * {@code disponent-system}, and for Tasks bound to its nodes adds the {@code disponent.io/agent} finalizer and
 * reports STARTING then RUNNING (Healthy and ready) or a scripted {@link Outcome}; a deleted Task goes KILLING,
 * KILLED and loses the finalizer. A node can be {@link #kill killed} (no heartbeats, no reports) and
 * {@link #revive revived} (re-reports its UNREACHABLE Tasks as RUNNING, kills the deleted ones).
 */
public final class HollowAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HollowAgent.class);
  private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
      .withZone(ZoneOffset.UTC);

  /**
   * @param prefix node names are {@code prefix-0 .. prefix-(n-1)}
   * @param cpus per node, as a quantity ({@code "4"}); {@code memory} and {@code disk} likewise
   * @param leaseDurationSeconds written in each Lease; {@code renewEvery} how often the leases are renewed
   * @param attributes node attributes for constraints (may be empty)
   */
  public record Config(String prefix, int nodes, String cpus, String memory, String disk, int leaseDurationSeconds,
      Duration renewEvery, String leaseNamespace, java.util.Map<String, String> attributes) {
    public static Config of(String prefix, int nodes, String cpus, String memory) {
      return new Config(prefix, nodes, cpus, memory, "100Gi", 15, Duration.ofSeconds(3), "disponent-system",
          java.util.Map.of());
    }

    public Config withLease(int durationSeconds, Duration renewEvery) {
      return new Config(prefix, nodes, cpus, memory, disk, durationSeconds, renewEvery, leaseNamespace, attributes);
    }
  }

  /** What a started Task does: run Healthy, run Unhealthy, or fail at once. */
  public record Outcome(String kind, int exitCode, String reason, String message) {
    public static Outcome healthy() {
      return new Outcome("Healthy", 0, null, null);
    }

    public static Outcome unhealthy() {
      return new Outcome("Unhealthy", 0, null, null);
    }

    public static Outcome fail(int exitCode, String reason, String message) {
      return new Outcome("Failed", exitCode, reason, message);
    }
  }

  private final ApiClient client;
  private final Config config;
  private final Clock clock;
  private final List<String> nodes = new ArrayList<>();
  private final Set<String> dead = ConcurrentHashMap.newKeySet();
  private final Informer<JsonNode> tasks;
  private final Controller controller;
  private final ScheduledExecutorService heartbeats;
  private final AtomicLong pids = new AtomicLong(1000);
  private volatile Function<JsonNode, Outcome> behaviour = t -> Outcome.healthy();

  private HollowAgent(ApiClient client, Config config, Clock clock) {
    this.client = client;
    this.config = config;
    this.clock = clock;
    for (int i = 0; i < config.nodes(); i++) {
      nodes.add(config.prefix() + "-" + i);
    }
    Set<String> mine = Set.copyOf(nodes);
    tasks = Informer.of(client, Gvr.TASKS);
    controller = Controller.builder("hollow-" + config.prefix(), this::reconcile).workers(4)
        .watches(tasks, t -> mine.contains(t.path("spec").path("nodeName").asText()) ? List.of(Key.of(t)) : List.of())
        .build();
    heartbeats = Executors.newSingleThreadScheduledExecutor(DaemonThreads.single("hollow-heartbeats-" + config.prefix()));
  }

  /** Registers the nodes, starts heartbeats and the task loop. */
  public static HollowAgent start(ApiClient client, Config config, Clock clock) {
    HollowAgent a = new HollowAgent(client, config, clock);
    Namespaces.ensure(client, config.leaseNamespace());
    a.nodes.forEach(a::register);
    a.heartbeats.scheduleWithFixedDelay(a::renewAll, 0, config.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
    a.controller.start();
    a.tasks.start();
    return a;
  }

  public List<String> nodes() {
    return List.copyOf(nodes);
  }

  /** What Tasks started from now on do. */
  public void script(Function<JsonNode, Outcome> behaviour) {
    this.behaviour = behaviour;
  }

  /** Stops the node's heartbeats and reports (the machine is lost). */
  public void kill(String node) {
    dead.add(node);
  }

  /** The node is back: renews its lease and re-reports its Tasks. */
  public void revive(String node) {
    dead.remove(node);
    renew(node);
    for (JsonNode t : tasks.list()) {
      if (node.equals(t.path("spec").path("nodeName").asText())) {
        controller.enqueue(Key.of(t));
      }
    }
  }

  private void register(String node) {
    try {
      client.create(Gvr.NODES, null, NodeBuilder.node(node).attributes(config.attributes()).build());
    } catch (ConflictException e) {
      // registered before
    }
    ObjectNode res = object().put("cpus", config.cpus()).put("memory", config.memory())
        .put("disk", config.disk());
    ObjectNode st = object().put("agentURL", "http://" + node + ".hollow:0").put("agentVersion", "hollow");
    st.set("capacity", res);
    st.set("allocatable", res.deepCopy());
    st.set("conditions", array(List.of(new Condition(ConditionTypes.READY, "True", null, clock.instant().toString(),
        "AgentStarted", "hollow agent registered"))));
    client.patchStatus(Gvr.NODES, null, node, PatchType.MERGE, statusPatch(st));
    ObjectNode lease = object().put("apiVersion", "coordination.k8s.io/v1").put("kind", "Lease");
    lease.putObject("metadata").put("name", node).put("namespace", config.leaseNamespace());
    lease.putObject("spec").put("holderIdentity", node).put("leaseDurationSeconds", config.leaseDurationSeconds())
        .put("renewTime", MICRO.format(clock.instant()));
    try {
      client.create(Gvr.LEASES, config.leaseNamespace(), lease);
    } catch (ConflictException e) {
      renew(node);
    }
  }

  private void renewAll() {
    for (String n : nodes) {
      if (!dead.contains(n)) {
        try {
          renew(n);
        } catch (RuntimeException e) {
          log.debug("hollow: lease of {} not renewed: {}", n, e.getMessage());
        }
      }
    }
  }

  private void renew(String node) {
    ObjectNode p = object();
    p.putObject("spec").put("renewTime", MICRO.format(clock.instant()));
    client.patch(Gvr.LEASES, config.leaseNamespace(), node, PatchType.MERGE, p);
  }

  private Result reconcile(Key key) {
    JsonNode json = tasks.getJson(key.namespace(), key.name()).orElse(null);
    if (json == null) {
      return Result.done();
    }
    Task t = Models.read(json, Task.class);
    String node = Optional.ofNullable(t.spec()).map(TaskSpec::nodeName).orElse(null);
    if (node == null || dead.contains(node)) {
      return Result.done();
    }
    String state = Optional.ofNullable(t.status()).map(TaskStatus::state).orElse(null);
    List<String> f = new ArrayList<>(Optional.ofNullable(t.metadata().getFinalizers()).orElse(List.of()));
    try {
      if (t.metadata().getDeletionTimestamp() != null) {
        if (!f.contains(Finalizers.AGENT)) {
          return Result.done();
        }
        if (!TaskStates.terminal(state)) {
          status(key, object().put("state", TaskStates.KILLING));
          status(key, object().put("state", TaskStates.KILLED).put("finishedAt", clock.instant().toString())
              .put("signal", 15).put("reason", "Killed"));
        }
        f.remove(Finalizers.AGENT);
        client.patch(Gvr.TASKS, key.namespace(), key.name(), PatchType.MERGE, finalizersPatch(f));
        return Result.done();
      }
      if (state == null || TaskStates.STAGING.equals(state)) {
        if (!f.contains(Finalizers.AGENT)) {
          f.add(Finalizers.AGENT);
          client.patch(Gvr.TASKS, key.namespace(), key.name(), PatchType.MERGE, finalizersPatch(f));
        }
        status(key, object().put("state", TaskStates.STARTING));
        Outcome o = behaviour.apply(json);
        if ("Failed".equals(o.kind())) {
          status(key, object().put("state", TaskStates.FAILED).put("exitCode", o.exitCode())
              .put("reason", o.reason()).put("message", o.message())
              .put("startedAt", clock.instant().toString()).put("finishedAt", clock.instant().toString()));
        } else {
          running(key, t, o);
        }
      } else if (TaskStates.UNREACHABLE.equals(state)) {
        running(key, t, Outcome.healthy());
      }
    } catch (NotFoundException e) {
      // deleted meanwhile
    }
    return Result.done();
  }

  private void running(Key key, Task t, Outcome o) {
    String health = o.kind();
    Optional<TaskStatus> previous = Optional.ofNullable(t.status());
    ObjectNode st = object().put("state", TaskStates.RUNNING).put("health", health)
        .put("ready", "Healthy".equals(health)).put("pid", pids.incrementAndGet())
        .put("startedAt", previous.map(TaskStatus::startedAt).orElse(clock.instant().toString()));
    List<io.disponent.crds.model.PortStatus> ports = new ArrayList<>();
    Optional.ofNullable(t.spec().ports()).orElse(List.of()).forEach(p ->
        ports.add(new io.disponent.crds.model.PortStatus(p.name(), p.hostPort())));
    st.set("ports", array(ports));
    String now = clock.instant().toString();
    List<Condition> before = previous.map(TaskStatus::conditions).orElse(List.of());
    List<Condition> conds = new ArrayList<>(before);
    conds.removeIf(c -> c.type().equals(ConditionTypes.HEALTHY) || c.type().equals(ConditionTypes.REACHABLE));
    conds.add(condition(before, ConditionTypes.HEALTHY, "Healthy".equals(health) ? "True" : "False", health,
        "hollow", now));
    conds.add(condition(before, ConditionTypes.REACHABLE, "True", "AgentReported", "the agent reports the task", now));
    st.set("conditions", array(conds));
    status(key, st);
  }

  /** The transition time moves only when the status changes. */
  private static Condition condition(List<Condition> before, String type, String status, String reason,
      String message, String now) {
    String since = before.stream().filter(c -> type.equals(c.type()) && status.equals(c.status()))
        .map(Condition::lastTransitionTime).filter(java.util.Objects::nonNull).findFirst().orElse(now);
    return new Condition(type, status, 0L, since, reason, message);
  }

  private void status(Key key, ObjectNode status) {
    client.patchStatus(Gvr.TASKS, key.namespace(), key.name(), PatchType.MERGE, statusPatch(status));
  }

  private static ObjectNode object() {
    return Models.MAPPER.createObjectNode();
  }

  private static ArrayNode array(List<?> values) {
    return Models.MAPPER.valueToTree(values);
  }

  private static ObjectNode statusPatch(ObjectNode status) {
    ObjectNode p = object();
    p.set("status", status);
    return p;
  }

  private static ObjectNode finalizersPatch(List<String> finalizers) {
    ObjectNode p = object();
    p.putObject("metadata").set("finalizers", array(finalizers));
    return p;
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    controller.close();
    tasks.close();
  }
}
