package io.disponent.apiserver.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSelectorTest {

  static Stream<Arguments> canonical() {
    return Stream.of(
        Arguments.of("", "", List.of()),
        Arguments.of(",", "", List.of()),
        Arguments.of("a=b", "a=b", List.of("a")),
        Arguments.of("a==b", "a=b", List.of("a")),
        Arguments.of("a!=b", "a!=b", List.of("a")),
        Arguments.of("a=", "a=", List.of("a")),
        Arguments.of("=b", "=b", List.of("")),
        Arguments.of("a=b,", "a=b", List.of("a")),
        Arguments.of("b=1,a=2", "a=2,b=1", List.of("a", "b")),
        Arguments.of("x=1,x!=2", "x!=2,x=1", List.of("x")),
        Arguments.of(
            "status.phase=Running,metadata.name==web-0",
            "metadata.name=web-0,status.phase=Running",
            List.of("metadata.name", "status.phase")),
        Arguments.of(" a = b ", " a = b ", List.of(" a ")),
        Arguments.of("a=b\\,c", "a=b\\,c", List.of("a")),
        Arguments.of("a=b\\=c", "a=b\\=c", List.of("a")),
        Arguments.of("a=b\\\\c", "a=b\\\\c", List.of("a")),
        Arguments.of("a!=\\=b", "a!=\\=b", List.of("a")),
        Arguments.of("a\\,b=c", "a\\,b=c", List.of("a\\,b")));
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void parsesToCanonicalForm(String input, String expected, List<String> fields) {
    FieldSelector selector = FieldSelector.parse(input);
    assertThat(selector).hasToString(expected);
    assertThat(selector.fields()).containsExactlyElementsOf(fields);
    assertThat(FieldSelector.parse(selector.toString())).isEqualTo(selector);
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("a=b\\,c", "b,c"),
        Arguments.of("a=b\\=c", "b=c"),
        Arguments.of("a=b\\\\c", "b\\c"),
        Arguments.of("a=\\\\\\,\\=", "\\,="),
        Arguments.of("a==b", "b"),
        Arguments.of("a= b ", " b "),
        Arguments.of("a=\u00e9\ud83d\ude00", "\u00e9\ud83d\ude00"));
  }

  @ParameterizedTest
  @MethodSource("values")
  void unescapesValues(String input, String value) {
    FieldTerm term = FieldSelector.parse(input).terms().get(0);
    assertThat(term.value()).isEqualTo(value);
    assertThat(FieldValues.unescape(FieldValues.escape(value))).isEqualTo(value);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("a", List.of("invalid selector: 'a'; can't understand 'a'")),
        Arguments.of("a=b,c", List.of("invalid selector: 'a=b,c'; can't understand 'c'")),
        Arguments.of("a<b", List.of("invalid selector: 'a<b'; can't understand 'a<b'")),
        Arguments.of("a=b=c", List.of("invalid field selector: unescaped character in value: 61")),
        Arguments.of("a==b=", List.of("invalid field selector: unescaped character in value: 61")),
        Arguments.of("a=\\x", List.of("invalid field selector: invalid escape sequence: \\x")),
        Arguments.of("a=b\\", List.of("invalid field selector: invalid escape sequence: \\")),
        Arguments.of(
            "z,a=\\n",
            List.of(
                "invalid field selector: invalid escape sequence: \\n",
                "invalid selector: 'z,a=\\n'; can't understand 'z'")));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsWithApimachineryMessages(String input, List<String> expected) {
    SelectorException e =
        catchThrowableOfType(SelectorException.class, () -> FieldSelector.parse(input));
    assertThat(e).as(input).isNotNull();
    assertThat(e.problems()).containsExactlyElementsOf(expected);
  }

  private static final Map<String, String> POD =
      Map.of("metadata.name", "web-0", "spec.nodeName", "", "status.phase", "Running");

  static Stream<Arguments> matching() {
    return Stream.of(
        Arguments.of("", true),
        Arguments.of("metadata.name=web-0", true),
        Arguments.of("metadata.name==web-0", true),
        Arguments.of("metadata.name=web-1", false),
        Arguments.of("metadata.name!=web-1", true),
        Arguments.of("metadata.name!=web-0", false),
        Arguments.of("spec.nodeName=", true),
        Arguments.of("spec.nodeName!=", false),
        Arguments.of("metadata.namespace=", true),
        Arguments.of("metadata.namespace!=default", true),
        Arguments.of("metadata.namespace=default", false),
        Arguments.of("metadata.name=web-0,status.phase=Running", true),
        Arguments.of("metadata.name=web-0,status.phase!=Running", false));
  }

  @ParameterizedTest
  @MethodSource("matching")
  void matches(String selector, boolean expected) {
    assertThat(FieldSelector.parse(selector).matches(POD::get)).isEqualTo(expected);
  }

  static Stream<Arguments> support() {
    Set<String> supported = Set.of("metadata.name", "metadata.namespace");
    return Stream.of(
        Arguments.of("metadata.name=a", supported, List.of()),
        Arguments.of("", supported, List.of()),
        Arguments.of(
            "spec.x=1,metadata.name=a,spec.x!=2",
            supported,
            List.of("field label not supported: spec.x")),
        Arguments.of(
            "b=1,a=1",
            supported,
            List.of("field label not supported: a", "field label not supported: b")));
  }

  @ParameterizedTest
  @MethodSource("support")
  void reportsUnsupportedFields(String selector, Set<String> supported, List<String> expected) {
    assertThat(FieldSelector.parse(selector).unsupportedFields(supported))
        .containsExactlyElementsOf(expected);
  }
}
