package io.disponent.apiserver.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorMatchTest {

  private static final Map<String, String> NONE = Map.of();
  private static final Map<String, String> WEB =
      Map.of("app", "web", "tier", "front", "replicas", "3", "empty", "");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", NONE, true),
        Arguments.of("", WEB, true),
        Arguments.of("app", WEB, true),
        Arguments.of("app", NONE, false),
        Arguments.of("empty", WEB, true),
        Arguments.of("!app", WEB, false),
        Arguments.of("!app", NONE, true),
        Arguments.of("app=web", WEB, true),
        Arguments.of("app==web", WEB, true),
        Arguments.of("app=db", WEB, false),
        Arguments.of("app=web", NONE, false),
        Arguments.of("empty=", WEB, true),
        Arguments.of("missing=", WEB, false),
        Arguments.of("app!=db", WEB, true),
        Arguments.of("app!=web", WEB, false),
        Arguments.of("app!=web", NONE, true),
        Arguments.of("app in (web,db)", WEB, true),
        Arguments.of("app in (db)", WEB, false),
        Arguments.of("app in (web)", NONE, false),
        Arguments.of("empty in ()", WEB, true),
        Arguments.of("app notin (db)", WEB, true),
        Arguments.of("app notin (web,db)", WEB, false),
        Arguments.of("app notin (web)", NONE, true),
        Arguments.of("replicas>2", WEB, true),
        Arguments.of("replicas>3", WEB, false),
        Arguments.of("replicas<4", WEB, true),
        Arguments.of("replicas<3", WEB, false),
        Arguments.of("replicas>2", NONE, false),
        Arguments.of("replicas<4", NONE, false),
        Arguments.of("app>1", WEB, false),
        Arguments.of("app<1", WEB, false),
        Arguments.of("app=web,tier=front", WEB, true),
        Arguments.of("app=web,tier=back", WEB, false),
        Arguments.of("app,!db,tier in (front),replicas>0", WEB, true));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matches(String selector, Map<String, String> labels, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(labels)).isEqualTo(expected);
  }

  static Stream<Arguments> numeric() {
    return Stream.of(
        Arguments.of("-5", "x>0", false),
        Arguments.of("-5", "x<0", true),
        Arguments.of("+7", "x>6", true),
        Arguments.of("9223372036854775807", "x>9223372036854775806", true),
        Arguments.of("9223372036854775808", "x>0", false),
        Arguments.of("1_000", "x>0", false),
        Arguments.of("\u0661", "x>0", false),
        Arguments.of("", "x<1", false));
  }

  @ParameterizedTest
  @MethodSource("numeric")
  void comparesLabelValuesAsGoInt64(String value, String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(Map.of("x", value))).isEqualTo(expected);
  }
}
