package io.disponent.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.PortSpec;
import io.disponent.crds.model.TaskSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskJsonTest {
  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of("the label", "{\"labels\":{\"disponent.io/service\":\"web\"},\"ownerReferences\":[{\"kind\":\"Service\",\"name\":\"other\"}]}", "web"),
        Arguments.of("a Service owner", "{\"ownerReferences\":[{\"kind\":\"Job\",\"name\":\"j\"},{\"kind\":\"Service\",\"name\":\"api\"}]}", "api"),
        Arguments.of("alone", "{\"ownerReferences\":[{\"kind\":\"Job\",\"name\":\"j\"}]}", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void serviceName(String name, String metadata, String expected) throws Exception {
    JsonNode task = Models.MAPPER.readTree("{\"metadata\":" + metadata + "}");
    assertThat(TaskJson.serviceName(task)).isEqualTo(expected);
  }

  @Test
  void hostPortsByNameInSpecOrderSkippingPortsWithoutOne() {
    TaskSpec spec = new TaskSpec(null, "true", null, null, null, List.of(new PortSpec("web", null, null, 31001),
        new PortSpec(null, null, null, 31002), new PortSpec("none", null, null, null)), null, null, null, 1, null, null);
    assertThat(TaskJson.hostPorts(spec)).containsExactly(Map.entry("web", 31001), Map.entry("port1", 31002));
  }

  @Test
  void timestampsAreWholeSeconds() {
    assertThat(TaskJson.ts(Instant.parse("2024-05-01T10:00:01.987Z"))).isEqualTo("2024-05-01T10:00:01Z");
  }

  @Test
  void thePlannersView() throws Exception {
    JsonNode t = Models.MAPPER.readTree("{\"metadata\":{\"uid\":\"u1\",\"deletionTimestamp\":\"2024-05-01T10:00:00Z\","
        + "\"finalizers\":[\"x\",\"disponent.io/agent\"]},\"status\":{\"state\":\"RUNNING\"}}");
    assertThat(TaskJson.views(List.of(t))).containsExactly(new TaskPlanner.ApiTask("u1", "RUNNING", true, true));
  }
}
