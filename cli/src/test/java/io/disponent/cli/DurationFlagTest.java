package io.disponent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationFlagTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("0", Duration.ZERO),
        Arguments.of("3600", Duration.ofHours(1)),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of("90s", Duration.ofSeconds(90)),
        Arguments.of("30m", Duration.ofMinutes(30)),
        Arguments.of("1h", Duration.ofHours(1)),
        Arguments.of("7d", Duration.ofDays(7)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of(" 2h ", Duration.ofHours(2)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("valid")
  void parses(String flag, Duration expected) {
    assertThat(DurationFlag.parse(flag)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "h", "1x", "-1h", "1h 30m", "1.5h", "PT1H", "1hm"})
  void refuses(String flag) {
    assertThatThrownBy(() -> DurationFlag.parse(flag)).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("not a duration");
  }
}
