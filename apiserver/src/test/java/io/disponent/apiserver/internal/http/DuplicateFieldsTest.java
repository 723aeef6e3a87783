package io.disponent.apiserver.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DuplicateFieldsTest {

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("none", "{'a':1,'b':{'a':2}}", List.of()),
        Arguments.of("top level", "{'a':1,'a':2}", List.of("a")),
        Arguments.of("nested", "{'metadata':{'name':'x','name':'y'}}", List.of("metadata.name")),
        Arguments.of("in a list element", "{'spec':{'ports':[{'name':'a'},{'name':'b','name':'c'}]}}",
            List.of("spec.ports[1].name")),
        Arguments.of("after a scalar list", "{'l':[1,2,[3]],'m':{'k':1,'k':2}}", List.of("m.k")),
        Arguments.of("same name in sibling objects", "{'a':{'x':1},'b':{'x':1}}", List.of()),
        Arguments.of("three times", "{'a':1,'a':2,'a':3}", List.of("a", "a")),
        Arguments.of("malformed", "{'a':1,'a'", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void findsEachFieldGivenTwiceInOneObject(String name, String json, List<String> expected) {
    assertThat(DuplicateFields.in(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }
}
