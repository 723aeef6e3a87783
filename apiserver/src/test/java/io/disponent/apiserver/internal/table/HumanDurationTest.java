package io.disponent.apiserver.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

  // Cases from k8s.io/apimachinery/pkg/util/duration's tests.
  @ParameterizedTest(name = "{0}s -> {1}")
  @CsvSource({
      "-3, <invalid>", "-1.5, 0s", "0, 0s", "1, 1s", "59, 59s", "60, 60s", "119, 119s",
      "120, 2m", "121, 2m1s", "599, 9m59s", "600, 10m", "3599, 59m", "10799, 179m", "10800, 3h",
      "11520, 3h12m", "28799, 7h59m", "28800, 8h", "172799, 47h", "172800, 2d", "176400, 2d1h",
      "691199, 7d23h", "691200, 8d", "63071999, 729d", "63072000, 2y", "64800000, 2y20d",
      "252287999, 7y364d", "252288000, 8y", "315360000, 10y"})
  void formats(double seconds, String expected) {
    assertThat(HumanDuration.format(Duration.ofMillis((long) (seconds * 1000)))).isEqualTo(expected);
  }
}
