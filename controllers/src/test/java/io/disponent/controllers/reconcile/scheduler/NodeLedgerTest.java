package io.disponent.controllers.reconcile.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.crds.model.Models;
import io.disponent.crds.vocab.Annotations;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeLedgerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "absent     | <none> | 0    | 0",
      "empty      | ''     | 0    | 0",
      "garbage    | '{x'   | 0    | 0",
      "two tasks  | '{\"a/t1\":{\"cpuMillis\":500,\"memoryBytes\":10,\"diskBytes\":0,\"ports\":[31000],\"at\":1},\"a/t2\":{\"cpuMillis\":250,\"memoryBytes\":5,\"diskBytes\":0,\"ports\":[],\"at\":2}}' | 750 | 15",
  })
  void readsTheAnnotation(String name, String annotation, long cpu, long memory) {
    ObjectNode node = Models.MAPPER.createObjectNode();
    ObjectNode meta = node.putObject("metadata").put("name", "n");
    if (!"<none>".equals(annotation)) {
      meta.putObject("annotations").put(Annotations.RESERVATIONS, annotation);
    }
    NodeLedger l = NodeLedger.of(node);
    assertThat(l.cpuMillis()).isEqualTo(cpu);
    assertThat(l.memoryBytes()).isEqualTo(memory);
    if (cpu > 0) {
      assertThat(l.portInUse(31000)).isTrue();
      assertThat(l.portInUse(31001)).isFalse();
    }
  }

  @org.junit.jupiter.api.Test
  void roundTrips() {
    NodeLedger l = new NodeLedger(Map.of("ns/t", new NodeLedger.Entry(1000, 2048, 0, Set.of(31005), 7)));
    ObjectNode node = Models.MAPPER.createObjectNode();
    node.putObject("metadata").putObject("annotations").put(Annotations.RESERVATIONS, l.toJson());
    assertThat(NodeLedger.of(node)).isEqualTo(l);
  }
}
