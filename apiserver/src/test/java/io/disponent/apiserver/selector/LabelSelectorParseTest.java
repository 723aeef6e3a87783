package io.disponent.apiserver.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorParseTest {

  static Stream<Arguments> canonical() {
    return Stream.of(
        Arguments.of("", ""),
        Arguments.of(" \t\r\n ", ""),
        Arguments.of("x", "x"),
        Arguments.of("!x", "!x"),
        Arguments.of(" ! x ", "!x"),
        Arguments.of("x=a", "x=a"),
        Arguments.of("x==a", "x==a"),
        Arguments.of("x!=a", "x!=a"),
        Arguments.of("x = a", "x=a"),
        Arguments.of("x=", "x="),
        Arguments.of("x=,y=b", "x=,y=b"),
        Arguments.of("x>1", "x>1"),
        Arguments.of("x<1", "x<1"),
        Arguments.of("x > 10", "x>10"),
        Arguments.of("x in (b,a)", "x in (a,b)"),
        Arguments.of("x in(a)", "x in (a)"),
        Arguments.of("x notin (c, b,a)", "x notin (a,b,c)"),
        Arguments.of("x in (a,a,b)", "x in (a,b)"),
        Arguments.of("x in ()", "x in ()"),
        Arguments.of("x in (,)", "x in ()"),
        Arguments.of("x in (a,)", "x in (,a)"),
        Arguments.of("x in (,a)", "x in (,a)"),
        Arguments.of("x in (a,,b)", "x in (,a,b)"),
        Arguments.of("x in (in,notin)", "x in (in,notin)"),
        Arguments.of("in in (in)", "in in (in)"),
        Arguments.of("notin", "notin"),
        Arguments.of("z,y=b,x!=c", "x!=c,y=b,z"),
        Arguments.of("b=2,a=1,b!=3", "a=1,b=2,b!=3"),
        Arguments.of("example.com/app=web", "example.com/app=web"),
        Arguments.of("a.b_c-D=E.f_g-1", "a.b_c-D=E.f_g-1"),
        Arguments.of("k=" + "v".repeat(63), "k=" + "v".repeat(63)),
        Arguments.of("env in (prod, qa),tier!=web,!canary", "!canary,env in (prod,qa),tier!=web"));
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void parsesToCanonicalForm(String input, String expected) {
    LabelSelector selector = LabelSelector.parse(input);
    assertThat(selector.toString()).isEqualTo(expected);
    assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
  }

  static Stream<Arguments> invalid() {
    String keyRegex =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and"
            + " end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
            + " regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    String valueRegex =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
            + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
            + " 'my_value',  or '12345', regex used for validation is"
            + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    String ops = "in, notin, =, ==, !=, gt, lt";
    return Stream.of(
        Arguments.of(",", List.of("found ',', expected: !, identifier, or 'end of string'")),
        Arguments.of("=a", List.of("found '=', expected: !, identifier, or 'end of string'")),
        Arguments.of("x,", List.of("found '', expected: identifier after ','")),
        Arguments.of("x,,y", List.of("found ',', expected: identifier after ','")),
        Arguments.of("x=a b", List.of("found 'b', expected: ',' or 'end of string'")),
        Arguments.of("!x=a", List.of("found '=', expected: ',' or 'end of string'")),
        Arguments.of("x=a)", List.of("found ')', expected: ',' or 'end of string'")),
        Arguments.of("!", List.of("unable to parse requirement: found '', expected: identifier")),
        Arguments.of("!!x", List.of("unable to parse requirement: found '!', expected: identifier")),
        Arguments.of("x y", List.of("unable to parse requirement: found 'y', expected: " + ops)),
        Arguments.of("x (a)", List.of("unable to parse requirement: found '(', expected: " + ops)),
        Arguments.of("x=>1", List.of("unable to parse requirement: found '>', expected: identifier")),
        Arguments.of("x in a", List.of("unable to parse requirement: found 'a' expected: '('")),
        Arguments.of("x in", List.of("unable to parse requirement: found '' expected: '('")),
        Arguments.of(
            "x in (=)",
            List.of("unable to parse requirement: found '=', expected: ',', ')' or identifier")),
        Arguments.of(
            "x in (a b)", List.of("unable to parse requirement: found 'b', expected: ',' or ')'")),
        Arguments.of("x in (a", List.of("unable to parse requirement: found '', expected: ',' or ')'")),
        Arguments.of(
            "x in (a,=)", List.of("unable to parse requirement: found '=', expected: ',', or identifier")),
        Arguments.of(
            "-x", List.of("unable to parse requirement: <nil>: Invalid value: \"-x\": " + keyRegex)),
        Arguments.of(
            "a/b/c=d",
            List.of(
                "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name "
                    + keyRegex.substring("name part ".length())
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")),
        Arguments.of(
            "k".repeat(64),
            List.of(
                "unable to parse requirement: <nil>: Invalid value: \""
                    + "k".repeat(64)
                    + "\": name part must be no more than 63 characters")),
        Arguments.of(
            "x=a*",
            List.of(
                "unable to parse requirement: values[0][x]: Invalid value: \"a*\": " + valueRegex)),
        Arguments.of(
            "x=" + "v".repeat(64),
            List.of(
                "unable to parse requirement: values[0][x]: Invalid value: \""
                    + "v".repeat(64)
                    + "\": must be no more than 63 characters")),
        Arguments.of(
            "x in (b,-a)",
            List.of(
                "unable to parse requirement: values[0][x]: Invalid value: \"-a\": " + valueRegex)),
        Arguments.of(
            "x>a",
            List.of(
                "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt'"
                    + " operators, the value must be an integer")),
        Arguments.of(
            "x<-1",
            List.of(
                "unable to parse requirement: values[0][x]: Invalid value: \"-1\": " + valueRegex)),
        Arguments.of(
            "x>",
            List.of(
                "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt'"
                    + " operators, the value must be an integer")),
        // every invalid requirement is reported, in input order; a syntax error ends the list
        Arguments.of(
            "-x,y=a*,z",
            List.of(
                "unable to parse requirement: <nil>: Invalid value: \"-x\": " + keyRegex,
                "unable to parse requirement: values[0][y]: Invalid value: \"a*\": " + valueRegex)),
        Arguments.of(
            "-x,y z",
            List.of(
                "unable to parse requirement: <nil>: Invalid value: \"-x\": " + keyRegex,
                "unable to parse requirement: found 'z', expected: " + ops)));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsWithApimachineryMessages(String input, List<String> expected) {
    SelectorException e =
        catchThrowableOfType(SelectorException.class, () -> LabelSelector.parse(input));
    assertThat(e).as(input).isNotNull();
    assertThat(e.problems()).containsExactlyElementsOf(expected);
    assertThat(e).hasMessage(String.join("; ", expected));
  }
}
