package io.disponent.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamesTest {

  private static final String SUBDOMAIN_REGEX =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex"
          + " used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String LABEL_REGEX =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String NAME_REGEX =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
          + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String VALUE_REGEX =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  static Stream<Arguments> cases() {
    Function<String, List<String>> sub = Names::validateDns1123Subdomain;
    Function<String, List<String>> label = Names::validateDns1123Label;
    Function<String, List<String>> qn = Names::validateQualifiedName;
    Function<String, List<String>> value = Names::validateLabelValue;
    return Stream.of(
        Arguments.of(sub, "example.com", List.of()),
        Arguments.of(sub, "a", List.of()),
        Arguments.of(sub, "a-b.c-d.0", List.of()),
        Arguments.of(sub, "a".repeat(253), List.of()),
        Arguments.of(sub, "a".repeat(254), List.of("must be no more than 253 characters")),
        Arguments.of(sub, "", List.of(SUBDOMAIN_REGEX)),
        Arguments.of(sub, "Example.com", List.of(SUBDOMAIN_REGEX)),
        Arguments.of(sub, "-a", List.of(SUBDOMAIN_REGEX)),
        Arguments.of(sub, "a..b", List.of(SUBDOMAIN_REGEX)),
        Arguments.of(sub, "a_b", List.of(SUBDOMAIN_REGEX)),
        Arguments.of(
            sub, "A".repeat(254), List.of("must be no more than 253 characters", SUBDOMAIN_REGEX)),
        Arguments.of(label, "my-name", List.of()),
        Arguments.of(label, "123", List.of()),
        Arguments.of(label, "a".repeat(63), List.of()),
        Arguments.of(label, "a".repeat(64), List.of("must be no more than 63 characters")),
        Arguments.of(label, "a.b", List.of("must not contain dots")),
        Arguments.of(label, "", List.of(LABEL_REGEX)),
        Arguments.of(label, "a-", List.of(LABEL_REGEX)),
        Arguments.of(label, "UPPER", List.of(LABEL_REGEX)),
        Arguments.of(qn, "app", List.of()),
        Arguments.of(qn, "MyName", List.of()),
        Arguments.of(qn, "my.name_x-1", List.of()),
        Arguments.of(qn, "example.com/MyName", List.of()),
        Arguments.of(qn, "a".repeat(253) + "/" + "b".repeat(63), List.of()),
        Arguments.of(qn, "", List.of("name part must be non-empty", "name part " + NAME_REGEX)),
        Arguments.of(qn, "a/", List.of("name part must be non-empty", "name part " + NAME_REGEX)),
        Arguments.of(qn, "/a", List.of("prefix part must be non-empty")),
        Arguments.of(qn, "Example.com/a", List.of("prefix part " + SUBDOMAIN_REGEX)),
        Arguments.of(
            qn,
            "a".repeat(254) + "/a",
            List.of("prefix part must be no more than 253 characters")),
        Arguments.of(qn, "b".repeat(64), List.of("name part must be no more than 63 characters")),
        Arguments.of(qn, "-a", List.of("name part " + NAME_REGEX)),
        Arguments.of(qn, "a b", List.of("name part " + NAME_REGEX)),
        Arguments.of(
            qn,
            "a/b/c",
            List.of(
                "a qualified name "
                    + NAME_REGEX
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')")),
        Arguments.of(value, "", List.of()),
        Arguments.of(value, "v1.2_3-x", List.of()),
        Arguments.of(value, "a".repeat(63), List.of()),
        Arguments.of(value, "a".repeat(64), List.of("must be no more than 63 characters")),
        Arguments.of(value, "-1", List.of(VALUE_REGEX)),
        Arguments.of(value, "a/b", List.of(VALUE_REGEX)),
        // lengths are UTF-8 bytes, as in Go: 32 two-byte characters are 64 bytes
        Arguments.of(
            value, "\u00e9".repeat(32), List.of("must be no more than 63 characters", VALUE_REGEX)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void validates(Function<String, List<String>> validator, String input, List<String> expected) {
    assertThat(validator.apply(input)).containsExactlyElementsOf(expected);
  }
}
