package io.disponent.controllers.plan.backoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  @ParameterizedTest(name = "{0} failures, {1}s x {2} max {3} -> {4} ms")
  @CsvSource(nullValues = "null", value = {
      "0, null, null, null, 0",
      "1, null, null, null, 1000",
      "2, null, null, null, 1150",
      "3, null, null, null, 1322",
      "41, null, null, null, 267864",
      "42, null, null, null, 300000",
      "100000, null, null, null, 300000",
      "1, 5, 2.0, 60, 5000",
      "4, 5, 2.0, 60, 40000",
      "5, 5, 2.0, 60, 60000",
      "3, 0, 2.0, 60, 0"})
  void delay(int failures, Integer seconds, Double factor, Integer max, long millis) {
    assertThat(Backoff.delay(failures, seconds, factor, max)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "previous {0}, ran {1}s, max delay {2} -> {3}")
  @CsvSource(nullValues = "null", value = {
      "0, 5, null, 1",
      "4, 5, null, 5",
      "4, 299, null, 5",
      "4, 300, null, 1",
      "4, 59, 10, 5",
      "4, 60, 10, 1",
      "2, -1, null, 3"})
  void failuresAfterARun(int previous, long ranSeconds, Integer maxDelay, int expected) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Instant started = ranSeconds < 0 ? null : start;

    assertThat(Backoff.failuresAfter(previous, started, start.plusSeconds(Math.max(ranSeconds, 0)),
        Backoff.resetAfter(maxDelay))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1, 2026-01-01T00:00:01Z", "2, 2026-01-01T00:00:01.150Z"})
  void nextLaunch(int failures, String expected) {
    assertThat(Backoff.nextLaunch(Instant.parse("2026-01-01T00:00:00Z"), failures, null, null, null))
        .isEqualTo(Instant.parse(expected));
  }
}
