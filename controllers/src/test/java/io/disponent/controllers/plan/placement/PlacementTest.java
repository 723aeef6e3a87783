package io.disponent.controllers.plan.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.crds.model.Constraint;
import io.disponent.crds.model.PortSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlacementTest {
  private static final long GI = 1L << 30;
  private static final String OWNER = "default/web";

  static NodeView node(String name, String rack) {
    return new NodeView(name, rack == null ? Map.of() : Map.of("rack", rack), 4000, 8 * GI, 100 * GI, 31000, 31002,
        false, true);
  }

  static TaskToPlace task(String name, long cpu, long mem, List<PortSpec> ports, Constraint... cs) {
    return new TaskToPlace(name, OWNER, cpu, mem, 0, ports, List.of(cs));
  }

  static TaskToPlace task(String name, Constraint... cs) {
    return task(name, 1000, GI, List.of(), cs);
  }

  static PlacedTask placed(String node, String owner, Integer... ports) {
    return new PlacedTask("old-" + node, owner, node, 1000, GI, 0, Set.of(ports));
  }

  static Constraint c(String field, String op, String value) {
    return new Constraint(field, op, value);
  }

  static final List<NodeView> THREE = List.of(node("a", "r1"), node("b", "r1"), node("c", "r2"));

  /** Each row: nodes, already placed, tasks in order, expected node per task or the unplaced message. */
  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("spread picks least allocated, ties by name", THREE, List.of(placed("a", "x")),
            List.of(task("t1"), task("t2"), task("t3")), List.of("b", "c", "a")),
        Arguments.of("not ready and cordoned are counted", List.of(
                new NodeView("a", Map.of(), 4000, 8 * GI, 0, 31000, 31002, false, false),
                new NodeView("b", Map.of(), 4000, 8 * GI, 0, 31000, 31002, true, true)),
            List.of(), List.of(task("t1")), List.of("0/2 nodes fit: 1 node not ready, 1 node unschedulable")),
        Arguments.of("memory is never overcommitted in a batch", List.of(node("a", null)), List.of(),
            List.of(task("t1", 100, 5 * GI, List.of()), task("t2", 100, 5 * GI, List.of())),
            List.of("a", "0/1 nodes fit: 1 insufficient memory")),
        Arguments.of("cpus", List.of(node("a", null)), List.of(), List.of(task("t1", 4001, 1, List.of())),
            List.of("0/1 nodes fit: 1 insufficient cpus")),
        Arguments.of("disk", List.of(node("a", null)), List.of(),
            List.of(new TaskToPlace("t1", OWNER, 1, 1, 101 * GI, List.of(), List.of())),
            List.of("0/1 nodes fit: 1 insufficient disk")),
        Arguments.of("fixed host port held elsewhere", List.of(node("a", null), node("b", null)),
            List.of(placed("a", "x", 8080)), List.of(task("t1", 1, 1, List.of(new PortSpec("http", null, null, 8080)))),
            List.of("b")),
        Arguments.of("fixed host port held everywhere", List.of(node("a", null)), List.of(placed("a", "x", 8080)),
            List.of(task("t1", 1, 1, List.of(new PortSpec("http", null, null, 8080)))),
            List.of("0/1 nodes fit: 1 host port 8080 in use")),
        Arguments.of("range exhausted", List.of(node("a", null)), List.of(placed("a", "x", 31000, 31001)),
            List.of(task("t1", 1, 1, List.of(new PortSpec("a", null, null, null), new PortSpec("b", null, null, null)))),
            List.of("0/1 nodes fit: 1 insufficient host ports")),
        Arguments.of("UNIQUE hostname", THREE, List.of(placed("a", OWNER), placed("b", OWNER)),
            List.of(task("t1", c("hostname", "UNIQUE", null)), task("t2", c("hostname", "UNIQUE", null))),
            List.of("c", "0/3 nodes fit: 3 constraint hostname:UNIQUE")),
        Arguments.of("UNIQUE counts only the same owner", THREE, List.of(placed("a", "other"), placed("b", "other")),
            List.of(task("t1", c("hostname", "UNIQUE", null))), List.of("c")),
        Arguments.of("reasons sorted by count then name", THREE, List.of(placed("a", OWNER), placed("c", OWNER)),
            List.of(task("t1", 100, 7 * GI, List.of(), c("hostname", "UNIQUE", null)),
                task("t2", 100, 7 * GI, List.of(), c("hostname", "UNIQUE", null))),
            List.of("b", "0/3 nodes fit: 2 constraint hostname:UNIQUE, 1 insufficient memory")),
        Arguments.of("CLUSTER with value", THREE, List.of(), List.of(task("t1", c("rack", "CLUSTER", "r2"))),
            List.of("c")),
        Arguments.of("CLUSTER follows the first placed", THREE, List.of(),
            List.of(task("t1", c("rack", "CLUSTER", null)), task("t2", c("rack", "CLUSTER", null)),
                task("t3", c("rack", "CLUSTER", null))),
            List.of("a", "b", "a")),
        Arguments.of("GROUP_BY spreads over racks", THREE, List.of(),
            List.of(task("t1", c("rack", "GROUP_BY", null)), task("t2", c("rack", "GROUP_BY", null)),
                task("t3", c("rack", "GROUP_BY", null)), task("t4", c("rack", "GROUP_BY", null))),
            List.of("a", "c", "b", "c")),
        Arguments.of("GROUP_BY with more expected groups than known", THREE, List.of(placed("a", OWNER),
                placed("c", OWNER)),
            List.of(task("t1", c("rack", "GROUP_BY", "3"))), List.of("0/3 nodes fit: 3 constraint rack:GROUP_BY")),
        Arguments.of("LIKE", THREE, List.of(), List.of(task("t1", c("hostname", "LIKE", "[bc]"))), List.of("b")),
        Arguments.of("UNLIKE, a node without the field passes", List.of(node("a", "r1"), node("b", null)), List.of(),
            List.of(task("t1", c("rack", "UNLIKE", "r1"))), List.of("b")),
        Arguments.of("LIKE, a node without the field fails", List.of(node("a", null)), List.of(),
            List.of(task("t1", c("rack", "LIKE", ".*"))), List.of("0/1 nodes fit: 1 constraint rack:LIKE")),
        Arguments.of("bad regex rejects everywhere", List.of(node("a", "r1")), List.of(),
            List.of(task("t1", c("rack", "LIKE", "("))), List.of("0/1 nodes fit: 1 constraint rack:LIKE")),
        Arguments.of("MAX_PER rack", THREE, List.of(placed("a", OWNER)),
            List.of(task("t1", c("rack", "MAX_PER", "2")), task("t2", c("rack", "MAX_PER", "2")),
                task("t3", c("rack", "MAX_PER", "2")), task("t4", c("rack", "MAX_PER", "2"))),
            List.of("b", "c", "c", "0/3 nodes fit: 3 constraint rack:MAX_PER")),
        Arguments.of("IS", THREE, List.of(), List.of(task("t1", c("rack", "IS", "r1")), task("t2", c("rack", "IS", "r9"))),
            List.of("a", "0/3 nodes fit: 3 constraint rack:IS")),
        Arguments.of("no nodes", List.of(), List.of(), List.of(task("t1")), List.of("0/0 nodes fit")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void places(String name, List<NodeView> nodes, List<PlacedTask> before, List<TaskToPlace> tasks,
      List<String> expected) {
    PlacementPlan plan = Placement.standard().place(tasks, new ClusterView(nodes, before));

    List<String> got = new ArrayList<>();
    for (PlacementResult r : plan.results()) {
      got.add(r instanceof PlacementResult.Placed ? ((PlacementResult.Placed) r).node()
          : ((PlacementResult.Unplaced) r).message());
    }
    assertThat(got).isEqualTo(expected);
  }

  static Stream<Arguments> ports() {
    PortSpec any = new PortSpec("a", null, null, null);
    return Stream.of(
        Arguments.of(List.of(), List.of(any, new PortSpec("b", null, null, null)), List.of(31000, 31001)),
        Arguments.of(List.of(31000), List.of(any), List.of(31001)),
        Arguments.of(List.of(31001), List.of(any, new PortSpec("fixed", null, null, 31000),
            new PortSpec("c", null, null, null)), List.of(31002, 31000, 31003)));
  }

  @ParameterizedTest
  @MethodSource("ports")
  void assignsLowestFreePortsAndKeepsFixedOnes(List<Integer> used, List<PortSpec> ports, List<Integer> expected) {
    NodeView n = new NodeView("a", Map.of(), 1, 1, 0, 31000, 31005, false, true);

    PortAssigner.Assignment a = PortAssigner.assign(ports, n, Set.copyOf(used));

    assertThat(a.rejection()).isEmpty();
    assertThat(a.ports()).extracting(p -> p.hostPort()).containsExactlyElementsOf(expected);
    assertThat(a.ports()).extracting(p -> p.name()).containsExactlyElementsOf(ports.stream().map(PortSpec::name).toList());
  }

  @org.junit.jupiter.api.Test
  void placedPortsAreHeldForTheNextTaskOfTheBatch() {
    TaskToPlace t = task("t", 1, 1, List.of(new PortSpec("http", null, null, null)));
    PlacementPlan plan = Placement.standard().place(List.of(t, t, t, t),
        new ClusterView(List.of(node("a", null)), List.of()));

    assertThat(plan.results()).hasSize(4);
    assertThat(plan.after().usage("a").hostPorts()).containsExactlyInAnyOrder(31000, 31001, 31002);
    assertThat(plan.results().get(3)).isEqualTo(new PlacementResult.Unplaced("t",
        Map.of("insufficient host ports", 1), "0/1 nodes fit: 1 insufficient host ports"));
  }
}
