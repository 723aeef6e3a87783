package io.disponent.controllers.plan.placement;

import static io.disponent.controllers.plan.placement.PlacementTest.THREE;
import static io.disponent.controllers.plan.placement.PlacementTest.placed;
import static io.disponent.controllers.plan.placement.PlacementTest.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterViewTest {
  @Test
  void withAndPlaceLeaveTheViewTheyStartFromAsItWas() {
    ClusterView view = new ClusterView(THREE, List.of(placed("a", "o", 31000)));
    ClusterView more = view.with(placed("b", "o"));
    PlacementPlan plan = Placement.standard().place(List.of(task("t1"), task("t2")), view);

    assertThat(view.placed()).hasSize(1);
    assertThat(view.tasksOf("o")).hasSize(1);
    assertThat(view.usage("b").cpuMillis()).isZero();
    assertThat(more.placed()).hasSize(2);
    assertThat(more.usage("b").cpuMillis()).isEqualTo(1000);
    assertThat(more.usage("a").hostPorts()).containsExactly(31000);
    assertThat(plan.after().placed()).hasSize(3);
  }

  @Test
  void aLargeBatchPlacesInTimeLinearInTheBatch() {
    List<NodeView> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(PlacementTest.node(String.format("n%04d", i), null));
    }
    List<TaskToPlace> tasks = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      tasks.add(new TaskToPlace("t" + i, "o" + i, 100, 64L << 20, 0, List.of(), List.of()));
    }
    long start = System.nanoTime();
    PlacementPlan plan = Placement.standard().place(tasks, new ClusterView(nodes, List.of()));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(plan.results()).allMatch(r -> r instanceof PlacementResult.Placed);
    assertThat(plan.after().usage("n0000").cpuMillis()).isEqualTo(400); // spread: 4 on each
    assertThat(millis).as("4,000 tasks on 1,000 nodes").isLessThan(20_000);
  }
}
