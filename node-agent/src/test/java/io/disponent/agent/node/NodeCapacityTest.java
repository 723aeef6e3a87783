package io.disponent.agent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.crds.model.PortRange;
import io.disponent.crds.model.ResourceList;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeCapacityTest {
  static Stream<Arguments> meminfo() {
    return Stream.of(
        Arguments.of("MemTotal:       16315784 kB\nMemFree:  1 kB\n", OptionalLong.of(16315784L * 1024)),
        Arguments.of("MemFree: 1 kB\nMemTotal: 2048 kB\n", OptionalLong.of(2048L * 1024)),
        Arguments.of("MemTotal: 123\n", OptionalLong.of(123)),
        Arguments.of("MemFree: 1 kB\n", OptionalLong.empty()),
        Arguments.of("MemTotal: lots kB\n", OptionalLong.empty()),
        Arguments.of("", OptionalLong.empty()));
  }

  @ParameterizedTest
  @MethodSource("meminfo")
  void parsesMemTotal(String text, OptionalLong expected) {
    assertThat(NodeCapacity.memTotalBytes(text)).isEqualTo(expected);
  }

  static Stream<Arguments> capacities() {
    return Stream.of(
        Arguments.of(4, 8L << 30, null, null, "4", "8Gi"),
        Arguments.of(4, 8L << 30, "1500m", null, "1500m", "8Gi"),
        Arguments.of(4, 8L << 30, "2", "512Mi", "2", "512Mi"),
        Arguments.of(1, 1000L, null, "1e3", "1", "1000"));
  }

  @ParameterizedTest
  @MethodSource("capacities")
  void detectedOrOverridden(int cpus, long mem, String cpuOverride, String memOverride, String wantCpus, String wantMem) {
    ResourceList r = NodeCapacity.capacity(cpus, mem, 10L << 30, cpuOverride, memOverride, new PortRange(31000, 32000));
    assertThat(r.cpus()).isEqualTo(wantCpus);
    assertThat(r.memory()).isEqualTo(wantMem);
    assertThat(r.disk()).isEqualTo("10Gi");
    assertThat(r.ports()).containsExactly(new PortRange(31000, 32000));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> NodeCapacity.capacity(2, 1, 1, "lots", null, new PortRange(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeCapacity.capacity(2, 1, 1, "0", null, new PortRange(1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
