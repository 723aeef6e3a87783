package io.disponent.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpansionTest {
  private static final Map<String, String> VARS = Map.of("A", "a", "PORT_HTTP", "8080", "EMPTY", "");

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "$(A)|a",
      "x$(A)y|xay",
      "$(A)$(A)|aa",
      "--port=$(PORT_HTTP)|--port=8080",
      "$(EMPTY)|''",
      "$$(A)|$(A)",
      "$$$(A)|$a",
      "$$$$(A)|$$(A)",
      "$$|$",
      "$|$",
      "a$|a$",
      "$(UNKNOWN)|$(UNKNOWN)",
      "$(A|$(A",
      "$()|$()",
      "$A|$A",
      "$ $(A)|$ a",
      "plain|plain",
      "$(A)$|a$",
  })
  void expandsLikeKubernetes(String input, String expected) {
    assertThat(Expansion.expand(input, VARS)).isEqualTo(expected);
  }
}
