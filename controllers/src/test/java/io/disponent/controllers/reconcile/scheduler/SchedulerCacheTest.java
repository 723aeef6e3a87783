package io.disponent.controllers.reconcile.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.client.runtime.Cached;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Node;
import io.disponent.crds.model.Task;
import io.disponent.crds.vocab.Annotations;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {
  static ObjectNode task(String name, String created, String node, String state) {
    ObjectNode t = Models.MAPPER.createObjectNode().put("apiVersion", "disponent.io/v1").put("kind", "Task");
    t.putObject("metadata").put("name", name).put("namespace", "ns").put("creationTimestamp", created);
    ObjectNode spec = t.putObject("spec").put("shell", "true");
    spec.putObject("resources").put("cpus", "0.5").put("memory", "64Mi");
    if (node != null) {
      spec.put("nodeName", node);
    }
    if (state != null) {
      t.putObject("status").put("state", state);
    }
    return t;
  }

  static ObjectNode node(String name, long rv, String cpus, String ledger) {
    ObjectNode n = Models.MAPPER.createObjectNode().put("apiVersion", "disponent.io/v1").put("kind", "Node");
    ObjectNode meta = n.putObject("metadata").put("name", name).put("resourceVersion", String.valueOf(rv));
    if (ledger != null) {
      meta.putObject("annotations").put(Annotations.RESERVATIONS, ledger);
    }
    ObjectNode st = n.putObject("status");
    st.putObject("allocatable").put("cpus", cpus).put("memory", "8Gi").put("disk", "10Gi");
    st.putArray("conditions").addObject().put("type", "Ready").put("status", "True");
    return n;
  }

  @Test
  void tasksMoveFromPendingInCreationOrderToBoundToGone() {
    SchedulerCache c = new SchedulerCache();
    c.taskEvents.onAdd(Cached.decode(task("b", "2026-01-01T00:00:02Z", null, null), Task.class));
    c.taskEvents.onAdd(Cached.decode(task("a", "2026-01-01T00:00:03Z", null, null), Task.class));
    c.taskEvents.onAdd(Cached.decode(task("c", "2026-01-01T00:00:01Z", null, "FINISHED"), Task.class));
    assertThat(c.pending(10, k -> false)).extracting(SchedulerCache::key).containsExactly("ns/b", "ns/a");
    assertThat(c.pending(1, k -> k.equals("ns/b"))).extracting(SchedulerCache::key).containsExactly("ns/a");

    long epoch = c.roomEpoch();
    c.taskEvents.onUpdate(null, Cached.decode(task("b", "2026-01-01T00:00:02Z", "n1", null), Task.class));
    assertThat(c.isPending("ns/b")).isFalse();
    assertThat(c.bound().get("ns/b").node()).isEqualTo("n1");
    assertThat(c.bound().get("ns/b").cpuMillis()).isEqualTo(500);
    assertThat(c.roomEpoch()).isEqualTo(epoch);

    c.taskEvents.onUpdate(null, Cached.decode(task("b", "2026-01-01T00:00:02Z", "n1", "FAILED"), Task.class));
    assertThat(c.bound()).isEmpty();
    assertThat(c.roomEpoch()).as("a bound task ended: room may have appeared").isGreaterThan(epoch);
    c.taskEvents.onDelete(Cached.decode(task("a", "2026-01-01T00:00:03Z", null, null), Task.class));
    assertThat(c.pending(10, k -> false)).isEmpty();
  }

  @Test
  void theNewestCopyOfANodeWinsAndOnlyAChangedViewMeansNewRoom() {
    SchedulerCache c = new SchedulerCache();
    c.offerNode(node("n1", 5, "4", null));
    long epoch = c.roomEpoch();
    c.offerNode(node("n1", 7, "4", "{\"ns/x\":{\"cpuMillis\":1000,\"memoryBytes\":0,\"diskBytes\":0,\"ports\":[],\"at\":1}}"));
    c.nodeEvents.onUpdate(null, Cached.decode(node("n1", 6, "4", null), Node.class)); // the watch catching up late
    assertThat(c.node("n1").resourceVersion()).isEqualTo(7);
    assertThat(c.node("n1").ledger().cpuMillis()).isEqualTo(1000);
    assertThat(c.roomEpoch()).isEqualTo(epoch);
    c.nodeEvents.onUpdate(null, Cached.decode(node("n1", 8, "8", null), Node.class));
    assertThat(c.roomEpoch()).isGreaterThan(epoch);
  }

  @Test
  void reservationsCountOnlyWhereNothingElseAccountsForThem() {
    SchedulerCache c = new SchedulerCache();
    String ledger = "{\"ns/bound\":{\"cpuMillis\":500,\"memoryBytes\":0,\"diskBytes\":0,\"ports\":[],\"at\":1},"
        + "\"ns/reserved\":{\"cpuMillis\":700,\"memoryBytes\":0,\"diskBytes\":0,\"ports\":[],\"at\":1},"
        + "\"ns/gone\":{\"cpuMillis\":900,\"memoryBytes\":0,\"diskBytes\":0,\"ports\":[],\"at\":1}}";
    c.offerNode(node("n1", 1, "4", ledger));
    JsonNode bound = task("bound", "2026-01-01T00:00:01Z", "n1", "RUNNING");
    c.taskEvents.onAdd(Cached.decode(bound, Task.class));
    assertThat(c.reservedOnly((task, node) -> task.equals("ns/gone")))
        .extracting(p -> p.name() + "@" + p.node() + "=" + p.cpuMillis()).containsExactly("ns/reserved@n1=700");
  }
}
