package io.disponent.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackoffTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(0, Duration.ofMillis(5)),
        Arguments.of(1, Duration.ofMillis(10)),
        Arguments.of(2, Duration.ofMillis(20)),
        Arguments.of(10, Duration.ofMillis(5120)),
        Arguments.of(17, Duration.ofMillis(655_360)),
        Arguments.of(18, Duration.ofSeconds(1000)),
        Arguments.of(62, Duration.ofSeconds(1000)),
        Arguments.of(1_000, Duration.ofSeconds(1000)),
        Arguments.of(-3, Duration.ofMillis(5)));
  }

  @ParameterizedTest(name = "{0} failures -> {1}")
  @MethodSource("cases")
  void itemDefault(int failures, Duration expected) {
    assertThat(Backoff.ITEM_DEFAULT.delay(failures)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "tokens: {0}")
  @MethodSource("bucketCases")
  void tokenBucket(String name, int takes, Duration advance, Duration expectedLast) {
    Instant0 t = new Instant0();
    TokenBucket b = new TokenBucket(10, 100, t.now);
    Duration last = Duration.ZERO;
    for (int i = 0; i < takes; i++) {
      last = b.reserve(t.now);
    }
    t.now = t.now.plus(advance);
    if (!advance.isZero()) {
      last = b.reserve(t.now);
    }
    assertThat(last).as(name).isEqualTo(expectedLast);
  }

  static Stream<Arguments> bucketCases() {
    return Stream.of(
        Arguments.of("burst is free", 100, Duration.ZERO, Duration.ZERO),
        Arguments.of("101st waits 100ms", 101, Duration.ZERO, Duration.ofMillis(100)),
        Arguments.of("110th waits 1s", 110, Duration.ZERO, Duration.ofSeconds(1)),
        Arguments.of("debt is paid back over time", 110, Duration.ofSeconds(1), Duration.ofMillis(100)),
        Arguments.of("refill caps at burst", 100, Duration.ofHours(1), Duration.ZERO));
  }

  private static final class Instant0 {
    java.time.Instant now = java.time.Instant.parse("2025-01-01T00:00:00Z");
  }
}
