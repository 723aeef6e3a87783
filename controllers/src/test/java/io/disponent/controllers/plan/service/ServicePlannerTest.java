package io.disponent.controllers.plan.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.controllers.plan.Fixtures;
import io.disponent.controllers.plan.TemplateHash;
import io.disponent.crds.model.Condition;
import io.disponent.crds.model.Service;
import io.disponent.crds.model.ServiceSpec;
import io.disponent.crds.model.Task;
import io.disponent.crds.model.TaskSpec;
import io.disponent.crds.model.TaskStatus;
import io.disponent.crds.model.TaskTemplate;
import io.disponent.crds.vocab.Annotations;
import io.disponent.crds.vocab.ConditionTypes;
import io.disponent.crds.vocab.Labels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServicePlannerTest {
  static final TaskTemplate TEMPLATE = new TaskTemplate(null,
      new TaskSpec(List.of("serve"), null, null, null, null, null, null, null, null, null, null, null));
  static final String REV = TemplateHash.of(TEMPLATE);
  static final Instant NOW = Fixtures.T0;

  static Service service(int instances, String killSelection) {
    return new Service("disponent.io/v1", "Service", new ObjectMetaBuilder().withName("web").withGeneration(4L).build(),
        new ServiceSpec(instances, TEMPLATE, null, null, null, null, null, killSelection, null), null);
  }

  /** A task; {@code extra} are annotations, plus "rev" for the revision label and "node". */
  static Task task(String name, String state, String health, int createdSecondsAgo, Map<String, String> extra,
      Condition... conditions) {
    Map<String, String> ann = new HashMap<>(extra);
    String rev = ann.containsKey("rev") ? ann.remove("rev") : REV;
    String node = ann.containsKey("node") ? ann.remove("node") : "n1";
    Instant finished = ann.containsKey("finishedAgo") ? NOW.minusMillis(Long.parseLong(ann.remove("finishedAgo"))) : null;
    return new Task("disponent.io/v1", "Task", new ObjectMetaBuilder().withName(name)
        .withCreationTimestamp(NOW.minusSeconds(createdSecondsAgo).toString())
        .withLabels(Map.of(Labels.REVISION, rev, Labels.SERVICE, "web")).withAnnotations(ann).build(),
        new TaskSpec(null, null, null, null, null, null, null, null, null, null, null, node),
        new TaskStatus(null, state, health, true, null, null, state.equals("FAILED") ? 1 : null, null, null,
            state.equals("FAILED") ? "boom" : null, NOW.minusSeconds(createdSecondsAgo).toString(),
            finished == null ? null : finished.toString(), 0, List.of(conditions)));
  }

  static Task running(String name, int age) {
    return task(name, "RUNNING", null, age, Map.of());
  }

  static Condition unreachableFor(int seconds) {
    return new Condition(ConditionTypes.REACHABLE, "False", null, NOW.minusSeconds(seconds).toString(), "NodeLost", "");
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("scale up from nothing", service(3, null), List.of(), "create=3 kill= expunge= mark= requeue="),
        Arguments.of("scale down youngest first", service(1, null), List.of(running("a", 30), running("b", 20),
            running("c", 10)), "create=0 kill=c:SCALE_DOWN,b:SCALE_DOWN expunge= mark= requeue="),
        Arguments.of("scale down oldest first", service(1, "OldestFirst"), List.of(running("a", 30), running("b", 20),
            running("c", 10)), "create=0 kill=a:SCALE_DOWN,b:SCALE_DOWN expunge= mark= requeue="),
        Arguments.of("unhealthy is replaced", service(3, null), List.of(running("a", 30), running("b", 20),
            task("c", "RUNNING", "Unhealthy", 10, Map.of())), "create=1 kill=c:UNHEALTHY expunge= mark= requeue="),
        Arguments.of("more than half unhealthy: no health kills", service(3, null), List.of(running("a", 30),
            task("b", "RUNNING", "Unhealthy", 20, Map.of()), task("c", "RUNNING", "Unhealthy", 10, Map.of())),
            "create=0 kill= expunge= mark= requeue="),
        Arguments.of("a replacement of a health kill not yet healthy counts against the budget", service(3, null),
            List.of(running("a", 30), task("b", "STARTING", null, 5, Map.of(Annotations.AFTER_HEALTH_KILL, "true")),
                task("c", "RUNNING", "Unhealthy", 10, Map.of())),
            "create=0 kill= expunge= mark= requeue="),
        Arguments.of("once healthy, the replacement no longer counts", service(3, null),
            List.of(running("a", 30), task("b", "RUNNING", null, 5, Map.of(Annotations.AFTER_HEALTH_KILL, "true")),
                task("c", "RUNNING", "Unhealthy", 10, Map.of())),
            "create=1 kill=c:UNHEALTHY expunge= mark= requeue="),
        Arguments.of("unreachable, still inside inactiveAfter", service(1, null),
            List.of(task("a", "UNREACHABLE", null, 500, Map.of(), unreachableFor(100))),
            "create=0 kill= expunge= mark= requeue=PT3M20S"),
        Arguments.of("unreachable past inactiveAfter: replaced", service(1, null),
            List.of(task("a", "UNREACHABLE", null, 500, Map.of(), unreachableFor(300))),
            "create=1 kill= expunge= mark=a requeue=PT5M"),
        Arguments.of("unreachable past expungeAfter", service(1, null),
            List.of(task("a", "UNREACHABLE", null, 900, Map.of(Annotations.REPLACED, "true"), unreachableFor(600))),
            "create=1 kill= expunge=a:UNREACHABLE_EXPUNGED mark= requeue="),
        Arguments.of("agent back: the replaced one is the surplus", service(2, null), List.of(running("a", 30),
            task("old", "RUNNING", null, 900, Map.of(Annotations.REPLACED, "true")), running("b", 10)),
            "create=0 kill=old:SURPLUS_AFTER_UNREACHABLE expunge= mark= requeue="),
        Arguments.of("failed: waits for backoff", service(1, null),
            List.of(task("a", "FAILED", null, 30, Map.of("finishedAgo", "400"))),
            "create=0 kill= expunge= mark= requeue=PT0.6S"),
        Arguments.of("failed: relaunched after backoff", service(1, null),
            List.of(task("a", "FAILED", null, 30, Map.of("finishedAgo", "1000"))),
            "create=1 kill= expunge=a:FAILED_RELAUNCHED mark= requeue="),
        Arguments.of("failed beyond instances: superseded", service(1, null),
            List.of(running("b", 10), task("a", "FAILED", null, 30, Map.of("finishedAgo", "1000"))),
            "create=0 kill= expunge=a:FAILED_SUPERSEDED mark= requeue="),
        Arguments.of("terminal and node-gone tasks are expunged", service(2, null),
            List.of(task("a", "FINISHED", null, 30, Map.of()), task("b", "RUNNING", null, 30, Map.of("node", "gone")),
                running("c", 10)), "create=1 kill= expunge=a:TERMINAL,b:NODE_GONE mark= requeue="),
        Arguments.of("template changed: rolling upgrade starts new first", service(2, null),
            List.of(task("a", "RUNNING", null, 30, Map.of("rev", "old")), task("b", "RUNNING", null, 20,
                Map.of("rev", "old"))), "create=2 kill= expunge= mark= requeue="),
        Arguments.of("rolling upgrade kills old as new ones serve", service(2, null),
            List.of(task("a", "RUNNING", null, 30, Map.of("rev", "old")), task("b", "RUNNING", null, 20,
                Map.of("rev", "old")), running("n1", 5), task("n2", "STAGING", null, 5, Map.of())),
            "create=0 kill=b:UPGRADE expunge= mark= requeue="),
        Arguments.of("drain surge pair counts once", service(1, null),
            List.of(running("a", 30), task("a2", "STARTING", null, 5, Map.of(Annotations.REPLACES, "a", "node", "n2"))),
            "create=0 kill= expunge= mark= requeue="));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void plans(String name, Service service, List<Task> tasks, String expected) {
    ServicePlan p = ServicePlanner.plan(service, tasks, Map.of("n1", true, "n2", true), NOW);

    String got = "create=" + p.create().size()
        + " kill=" + p.kill().stream().map(k -> k.task() + ":" + k.reason()).collect(Collectors.joining(","))
        + " expunge=" + p.expunge().stream().map(k -> k.task() + ":" + k.reason()).collect(Collectors.joining(","))
        + " mark=" + String.join(",", p.markReplaced())
        + " requeue=" + p.requeueAfter().map(Object::toString).orElse("");
    assertThat(got).isEqualTo(expected);
    assertThat(p.create()).allSatisfy(c -> assertThat(c.revision()).isEqualTo(REV));
    assertThat(p.status().observedGeneration()).isEqualTo(4);
    assertThat(p.status().updateRevision()).isEqualTo(REV);
  }

  static Stream<Arguments> conditions() {
    return Stream.of(
        Arguments.of("steady", service(2, null), List.of(running("a", 30), running("b", 20)),
            "Available=True/MinimumHealthy Progressing=True/NewRevisionAvailable Stalled=False/Launching "
                + "HealthKillsSuspended=False/WithinBudget", 2, 2),
        Arguments.of("crash loop", service(1, null), List.of(task("a", "FAILED", null, 30,
                Map.of("finishedAgo", "100", Annotations.CONSECUTIVE_FAILURES, "2"))),
            "Available=False/BelowMinimumHealthy Progressing=True/Scaling Stalled=True/CrashLoop "
                + "HealthKillsSuspended=False/WithinBudget", 0, 0),
        Arguments.of("rolling", service(1, null), List.of(task("a", "RUNNING", null, 30, Map.of("rev", "old"))),
            "Available=True/MinimumHealthy Progressing=True/RollingUpdate Stalled=False/Launching "
                + "HealthKillsSuspended=False/WithinBudget", 1, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditions")
  void status(String name, Service service, List<Task> tasks, String expected, int running, int healthy) {
    ServicePlan p = ServicePlanner.plan(service, tasks, Map.of("n1", true), NOW);

    assertThat(p.status().conditions().stream().map(c -> c.type() + "=" + c.status() + "/" + c.reason())
        .collect(Collectors.joining(" "))).isEqualTo(expected);
    assertThat(p.status().runningInstances()).isEqualTo(running);
    assertThat(p.status().healthyInstances()).isEqualTo(healthy);
    assertThat(p.status().instances()).isEqualTo(tasks.size());
    assertThat(p.status().selector()).isEqualTo("disponent.io/service=web");
    if (name.equals("crash loop")) {
      assertThat(p.status().conditions().get(2).message())
          .isEqualTo("3 failures in a row, last at 2025-12-31T23:59:59.900Z: FAILED with exit code 1: boom");
    }
  }
}
