package io.disponent.controllers.plan.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.client.Gvr;
import io.disponent.crds.vocab.Finalizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks {@link GcPlanner}'s table; actions are written {@code verb object [detail]}. */
class GcPlannerTest {
  static final Gvr WIDGETS = new Gvr("example.com", "v1", "widgets", true);
  static final Gvr CLUSTERS = new Gvr("example.com", "v1", "clusters", false);

  /** A namespaced object in "ns" (or in {@code ns} when given as "other/name"), owned by the refs given. */
  static GcNode obj(String name, OwnerRef... owners) {
    String ns = name.contains("/") ? name.substring(0, name.indexOf('/')) : "ns";
    String n = name.substring(name.indexOf('/') + 1);
    return new GcNode(WIDGETS, "Widget", ns, n, n, false, Set.of(), Arrays.asList(owners));
  }

  static GcNode cluster(String name, OwnerRef... owners) {
    return new GcNode(CLUSTERS, "Cluster", null, name, name, false, Set.of(), Arrays.asList(owners));
  }

  static GcNode deleting(GcNode n, String... finalizers) {
    return new GcNode(n.gvr(), n.kind(), n.namespace(), n.name(), n.uid(), true, Set.of(finalizers), n.owners());
  }

  static OwnerRef ref(String uid) {
    return new OwnerRef(uid, "example.com/v1", "Widget", uid, false);
  }

  static OwnerRef blocking(String uid) {
    return new OwnerRef(uid, "example.com/v1", "Widget", uid, true);
  }

  static OwnerRef clusterRef(String uid) {
    return new OwnerRef(uid, "example.com/v1", "Cluster", uid, false);
  }

  static OwnerScope scope(OwnerRef r) {
    return switch (r.kind()) {
      case "Widget" -> OwnerScope.NAMESPACED;
      case "Cluster" -> OwnerScope.CLUSTER;
      default -> OwnerScope.UNKNOWN;
    };
  }

  static List<String> render(List<GcAction> actions) {
    List<String> out = new ArrayList<>();
    for (GcAction a : actions) {
      if (a instanceof GcAction.VerifyOwner v) {
        out.add("verify " + v.owner().uid() + " in " + v.namespace());
      } else if (a instanceof GcAction.Delete d) {
        out.add("delete " + d.node().uid() + " " + d.propagationPolicy());
      } else if (a instanceof GcAction.PatchOwnerRefs p) {
        out.add("patch " + p.node().uid() + " -" + new TreeSet<>(p.remove()) + " unblock" + new TreeSet<>(p.unblock()));
      } else if (a instanceof GcAction.RemoveFinalizer f) {
        out.add("unfinalize " + f.node().uid() + " " + f.finalizer());
      } else if (a instanceof GcAction.WarnInvalidOwnerRef w) {
        out.add("warn " + w.dependent().uid() + " " + w.owner().uid());
      }
    }
    return out;
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("owner there: keep", List.of(obj("o"), obj("d", ref("o"))), "d", Set.of(), List.of()),
        Arguments.of("no owners: keep", List.of(obj("d")), "d", Set.of(), List.of()),
        Arguments.of("owner not in the graph: read it first", List.of(obj("d", ref("o"))), "d", Set.of(),
            List.of("verify o in ns")),
        Arguments.of("cluster-scoped owner read without a namespace", List.of(obj("d", clusterRef("c"))), "d",
            Set.of(), List.of("verify c in null")),
        Arguments.of("background: owner verified gone, delete", List.of(obj("d", ref("o"))), "d", Set.of("o"),
            List.of("delete d Background")),
        Arguments.of("dangling owner of a kind not served: keep", List.of(obj("d",
            new OwnerRef("x", "gone.io/v1", "Gone", "x", false))), "d", Set.of("x"), List.of()),
        Arguments.of("two owners, one gone: keep, drop the dangling reference",
            List.of(obj("o1"), obj("d", ref("o1"), ref("o2"))), "d", Set.of("o2"),
            List.of("patch d -[o2] unblock[]")),
        Arguments.of("two owners, both gone: delete", List.of(obj("d", ref("o1"), ref("o2"))), "d",
            Set.of("o1", "o2"), List.of("delete d Background")),
        Arguments.of("two owners, one not verified yet: only verify",
            List.of(obj("d", ref("o1"), ref("o2"))), "d", Set.of("o1"), List.of("verify o2 in ns")),
        Arguments.of("foreground: dependent of a waiting owner is deleted",
            List.of(deleting(obj("o"), Finalizers.FOREGROUND_DELETION), obj("d", blocking("o"))), "d", Set.of(),
            List.of("delete d Background")),
        Arguments.of("foreground: a dependent with dependents of its own is deleted in the foreground",
            List.of(deleting(obj("o"), Finalizers.FOREGROUND_DELETION), obj("d", blocking("o")),
                obj("dd", blocking("d"))), "d", Set.of(), List.of("delete d Foreground")),
        Arguments.of("foreground: a blocking dependent keeps the owner waiting",
            List.of(deleting(obj("o"), Finalizers.FOREGROUND_DELETION), obj("d", blocking("o"))), "o", Set.of(),
            List.of()),
        Arguments.of("foreground: a blocking dependent being deleted still keeps it waiting",
            List.of(deleting(obj("o"), Finalizers.FOREGROUND_DELETION), deleting(obj("d", blocking("o")),
                "disponent.io/agent")), "o", Set.of(), List.of()),
        Arguments.of("foreground: dependents without blockOwnerDeletion do not block",
            List.of(deleting(obj("o"), Finalizers.FOREGROUND_DELETION), obj("d", ref("o"))), "o", Set.of(),
            List.of("unfinalize o foregroundDeletion")),
        Arguments.of("foreground: no dependents left, finalizer goes",
            List.of(deleting(obj("o"), Finalizers.FOREGROUND_DELETION)), "o", Set.of(),
            List.of("unfinalize o foregroundDeletion")),
        Arguments.of("foreground: a dependent with another solid owner is kept and unblocks the waiting one",
            List.of(deleting(obj("o"), Finalizers.FOREGROUND_DELETION), obj("p"), obj("d", blocking("o"), ref("p"))),
            "d", Set.of(), List.of("patch d -[] unblock[o]")),
        Arguments.of("orphan: dependents lose the reference, then the finalizer goes",
            List.of(deleting(obj("o"), Finalizers.ORPHAN), obj("d1", ref("o")), obj("d2", blocking("o"), ref("p"))),
            "o", Set.of(), List.of("patch d1 -[o] unblock[]", "patch d2 -[o] unblock[]", "unfinalize o orphan")),
        Arguments.of("orphan: a dependent of an orphaning owner is kept",
            List.of(deleting(obj("o"), Finalizers.ORPHAN), obj("d", ref("o"))), "d", Set.of(), List.of()),
        Arguments.of("being deleted without GC finalizers: nothing",
            List.of(deleting(obj("d", ref("o")), "disponent.io/agent")), "d", Set.of("o"), List.of()),
        Arguments.of("owner in another namespace: warned, treated as absent, deleted",
            List.of(obj("other/o"), obj("d", ref("o"))), "d", Set.of(),
            List.of("warn d o", "delete d Background")),
        Arguments.of("owner in another namespace beside a valid owner: warned, reference dropped",
            List.of(obj("other/o"), obj("p"), obj("d", ref("o"), ref("p"))), "d", Set.of(),
            List.of("warn d o", "patch d -[o] unblock[]")),
        Arguments.of("cluster-scoped dependent of a namespaced owner: warned, deleted",
            List.of(obj("o"), cluster("c", ref("o"))), "c", Set.of(), List.of("warn c o", "delete c Background")),
        Arguments.of("cluster-scoped dependent of a namespaced kind not in the graph: warned without a read",
            List.of(cluster("c", ref("o"))), "c", Set.of(), List.of("warn c o", "delete c Background")),
        Arguments.of("cluster-scoped owner of a namespaced dependent: valid",
            List.of(cluster("c"), obj("d", clusterRef("c"))), "d", Set.of(), List.of()),
        Arguments.of("cycle, nothing deleted: both kept", List.of(obj("a", ref("b")), obj("b", ref("a"))), "a",
            Set.of(), List.of()),
        Arguments.of("cycle, both waiting in the foreground: neither blocks the other",
            List.of(deleting(obj("a", blocking("b")), Finalizers.FOREGROUND_DELETION),
                deleting(obj("b", blocking("a")), Finalizers.FOREGROUND_DELETION)), "a", Set.of(),
            List.of("unfinalize a foregroundDeletion")),
        Arguments.of("longer cycle in the foreground: planning ends, no deadlock",
            List.of(deleting(obj("a", blocking("c")), Finalizers.FOREGROUND_DELETION),
                deleting(obj("b", blocking("a")), Finalizers.FOREGROUND_DELETION),
                deleting(obj("c", blocking("b")), Finalizers.FOREGROUND_DELETION)), "b", Set.of(),
            List.of("unfinalize b foregroundDeletion")),
        Arguments.of("a waiting dependent outside the cycle still blocks",
            List.of(deleting(obj("a"), Finalizers.FOREGROUND_DELETION),
                deleting(obj("b", blocking("a")), Finalizers.FOREGROUND_DELETION), obj("c", blocking("b"))), "a",
            Set.of(), List.of()),
        Arguments.of("object not in the graph: nothing", List.of(obj("o")), "d", Set.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void plans(String name, List<GcNode> objects, String uid, Set<String> absent, List<String> expected) {
    List<GcAction> actions = GcPlanner.plan(OwnerGraph.of(objects), uid, new Verified(absent, Set.of()),
        GcPlannerTest::scope);
    assertThat(render(actions)).containsExactlyElementsOf(expected);
  }

  @Test
  void anOwnerReadPresentCountsAsSolid() {
    OwnerGraph g = OwnerGraph.of(List.of(obj("d", ref("o"))));
    assertThat(GcPlanner.plan(g, "d", new Verified(Set.of(), Set.of("o")), GcPlannerTest::scope)).isEmpty();
  }

  @Test
  void theGraphForgetsTheOwnersOfAReplacedObject() {
    OwnerGraph g = OwnerGraph.of(List.of(obj("o"), obj("d", ref("o"))));
    g.put(obj("d"));
    assertThat(g.dependents("o")).isEmpty();
    assertThat(g.hasDependents("o")).isFalse();
    g.remove("d");
    assertThat(g.size()).isEqualTo(1);
  }
}
