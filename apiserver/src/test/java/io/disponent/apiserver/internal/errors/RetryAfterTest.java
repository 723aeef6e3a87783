package io.disponent.apiserver.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

  @ParameterizedTest(name = "unavailable for {0} ms -> Retry-After {1} s")
  @CsvSource({
      "-1000,   1",
      "0,       1",
      "9999,    1",
      "10000,   2",
      "45000,   5",
      "89999,   9",
      "90000,   10",
      "3600000, 10",
  })
  void growsByASecondPerTenSecondsWaitedFromOneToTen(long millis, int seconds) {
    assertThat(RetryAfter.seconds(Duration.ofMillis(millis))).isEqualTo(seconds);
  }
}
