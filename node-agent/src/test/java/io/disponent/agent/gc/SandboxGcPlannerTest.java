package io.disponent.agent.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.agent.gc.SandboxGcPlanner.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SandboxGcPlannerTest {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);
  static final Path DIR = Path.of("/data/sandboxes/ns/t/u");

  static Sandbox released(Duration ago, boolean supervised, boolean alive) {
    return new Sandbox(DIR, NOW.minus(ago), supervised, alive);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("not released: kept however old", new Sandbox(DIR, null, false, false), HOUR, false),
        Arguments.of("released longer ago than the retention: removed", released(Duration.ofMinutes(61), false, false), HOUR, true),
        Arguments.of("released exactly the retention ago: removed", released(HOUR, false, false), HOUR, true),
        Arguments.of("released recently: kept", released(Duration.ofMinutes(59), false, false), HOUR, false),
        Arguments.of("retention 0: removed at once", released(Duration.ZERO, false, false), Duration.ZERO, true),
        Arguments.of("released in the future (clock step): kept", released(Duration.ofMinutes(-5), false, false), HOUR, false),
        Arguments.of("still supervised: kept", released(Duration.ofDays(2), true, false), HOUR, false),
        Arguments.of("a process still alive: kept", released(Duration.ofDays(2), false, true), HOUR, false),
        Arguments.of("alive with retention 0: kept", released(Duration.ofDays(2), false, true), Duration.ZERO, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, Sandbox sandbox, Duration retention, boolean removed) {
    assertThat(SandboxGcPlanner.toRemove(List.of(sandbox), NOW, retention)).isEqualTo(removed ? List.of(DIR) : List.of());
  }

  static Stream<Arguments> intervals() {
    return Stream.of(
        Arguments.of(Duration.ZERO, Duration.ofSeconds(1)),
        Arguments.of(Duration.ofSeconds(5), Duration.ofSeconds(1)),
        Arguments.of(Duration.ofMinutes(5), Duration.ofSeconds(30)),
        Arguments.of(Duration.ofHours(1), Duration.ofMinutes(1)),
        Arguments.of(Duration.ofDays(7), Duration.ofMinutes(1)));
  }

  @ParameterizedTest(name = "retention {0}: every {1}")
  @MethodSource("intervals")
  void looksEveryTenthOfTheRetentionWithinBounds(Duration retention, Duration expected) {
    assertThat(SandboxGcPlanner.interval(retention)).isEqualTo(expected);
  }
}
