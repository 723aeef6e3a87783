package io.disponent.apiserver.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorFromObjectTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(null, null, ""),
        Arguments.of(Map.of(), List.of(), ""),
        Arguments.of(Map.of("b", "2", "a", "1"), List.of(), "a=1,b=2"),
        Arguments.of(Map.of("a", ""), List.of(), "a="),
        Arguments.of(
            Map.of("z", "1"),
            List.of(
                new MatchExpression("env", "In", List.of("qa", "prod")),
                new MatchExpression("tier", "NotIn", List.of("web")),
                new MatchExpression("canary", "DoesNotExist", null),
                new MatchExpression("app", "Exists", List.of())),
            "app,!canary,env in (prod,qa),tier notin (web),z=1"));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void buildsTheSelectorTheObjectMeans(
      Map<String, String> labels, List<MatchExpression> expressions, String expected) {
    assertThat(LabelSelector.fromMatchLabelsAndExpressions(labels, expressions))
        .hasToString(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            Map.of("a", "-"),
            List.of(),
            List.of("values[0][a]: Invalid value: \"-\": a valid label must be an empty string")),
        Arguments.of(
            Map.of("-a", "b"),
            List.of(),
            List.of("key: Invalid value: \"-a\": name part must consist of")),
        Arguments.of(
            Map.of(),
            List.of(new MatchExpression("a", "Gt", List.of("1"))),
            List.of("\"Gt\" is not a valid label selector operator")),
        Arguments.of(
            Map.of(),
            List.of(new MatchExpression("a", "In", List.of())),
            List.of(
                "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set"
                    + " can't be empty")),
        Arguments.of(
            Map.of(),
            List.of(new MatchExpression("a", "Exists", List.of("x", "y"))),
            List.of(
                "values: Invalid value: []string{\"x\", \"y\"}: values set must be empty for exists"
                    + " and does not exist")),
        Arguments.of(
            Map.of("ok", "1"),
            List.of(
                new MatchExpression("a", "NotIn", null),
                new MatchExpression("b c", "Bogus", List.of())),
            List.of(
                "values: Invalid value: []string(nil): for 'in', 'notin' operators",
                "\"Bogus\" is not a valid label selector operator")));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryProblem(
      Map<String, String> labels, List<MatchExpression> expressions, List<String> prefixes) {
    SelectorException e =
        catchThrowableOfType(
            SelectorException.class,
            () -> LabelSelector.fromMatchLabelsAndExpressions(labels, expressions));
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSameSizeAs(prefixes);
    for (int i = 0; i < prefixes.size(); i++) {
      assertThat(e.problems().get(i)).startsWith(prefixes.get(i));
    }
  }

  @Test
  void nothingMatchesNothingAndEverythingMatchesAll() {
    assertThat(LabelSelector.nothing().matches(Map.of())).isFalse();
    assertThat(LabelSelector.nothing().isEmpty()).isFalse();
    assertThat(LabelSelector.everything().matches(null)).isTrue();
    assertThat(LabelSelector.everything().isEmpty()).isTrue();
  }

  @Test
  void requirementOfValidatesAsNewRequirement() {
    SelectorException e =
        catchThrowableOfType(
            SelectorException.class,
            () -> Requirement.of("a", Operator.EQUALS, List.of("x", "y")));
    assertThat(e.problems())
        .containsExactly(
            "values: Invalid value: []string{\"x\", \"y\"}: exact-match compatibility requires"
                + " one single value");
    assertThat(Requirement.of("a", Operator.GREATER_THAN, List.of("5"))).hasToString("a>5");
  }
}
