package io.disponent.apiserver.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectMetaValidatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must"
      + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
      + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
      + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex"
      + " used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  static JsonNode yaml(String text) throws Exception {
    return YAML.readTree(text);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("valid", true, "{name: a.b, namespace: ns, labels: {app: x, example.com/tier: ''}, annotations: {a/b: c},"
            + " finalizers: [example.com/f], ownerReferences: [{apiVersion: disponent.io/v1, kind: Service, name: s, uid: u, controller: true}]}",
            List.of()),
        Arguments.of("generateName stands in for name", true, "{generateName: web-, namespace: ns}", List.of()),
        Arguments.of("name required", true, "{namespace: ns}",
            List.of("metadata.name: Required value: name or generateName is required")),
        Arguments.of("bad name and generateName", true, "{name: Bad_Name, generateName: X-, namespace: ns}", List.of(
            "metadata.generateName: Invalid value: \"X-\": " + SUBDOMAIN,
            "metadata.name: Invalid value: \"Bad_Name\": " + SUBDOMAIN)),
        Arguments.of("namespace missing on a namespaced kind", true, "{name: a}", List.of("metadata.namespace: Required value")),
        Arguments.of("namespace on a cluster-scoped kind", false, "{name: a, namespace: ns}",
            List.of("metadata.namespace: Forbidden: not allowed on this type")),
        Arguments.of("labels", false, "{name: a, labels: {-bad: ok, good: -bad}}", List.of(
            "metadata.labels: Invalid value: \"-bad\": " + NAME_PART,
            "metadata.labels: Invalid value: \"-bad\": a valid label must be an empty string or consist of alphanumeric"
                + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', "
                + " or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
        Arguments.of("annotation keys; finalizers", false, "{name: a, annotations: {'a b': x}, finalizers: [x/y, x/y, orphan, foregroundDeletion]}", List.of(
            "metadata.annotations: Invalid value: \"a b\": " + NAME_PART,
            "metadata.finalizers[1]: Duplicate value: \"x/y\"",
            "metadata.finalizers: Invalid value: [\"x/y\",\"x/y\",\"orphan\",\"foregroundDeletion\"]: finalizer foregroundDeletion and orphan cannot be both set")),
        Arguments.of("owner references", false, "{name: a, ownerReferences: [{apiVersion: disponent.io/, kind: S, name: s, controller: true},"
            + " {apiVersion: v1, kind: T, name: t, uid: u, controller: true}]}", List.of(
            "metadata.ownerReferences.apiVersion: Invalid value: \"disponent.io/\": version must not be empty",
            "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty",
            "metadata.ownerReferences: Invalid value: [{\"apiVersion\":\"disponent.io/\",\"kind\":\"S\",\"name\":\"s\",\"controller\":true},"
                + "{\"apiVersion\":\"v1\",\"kind\":\"T\",\"name\":\"t\",\"uid\":\"u\",\"controller\":true}]: Only one reference can have"
                + " Controller set to true. Found \"true\" in references for S/s and T/t")),
        Arguments.of("wrong types", false, "{name: 5, labels: {a: 1}, generation: -1}", List.of(
            "metadata.name: Invalid value: 5: must be of type string",
            "metadata.name: Required value: name or generateName is required",
            "metadata.generation: Invalid value: -1: must be greater than or equal to 0",
            "metadata.labels[a]: Invalid value: 1: must be of type string")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validates(String name, boolean namespaced, String meta, List<String> expected) throws Exception {
    List<StatusCause> causes = ObjectMetaValidator.validate(yaml(meta), namespaced, NameRule.DNS_SUBDOMAIN);
    assertThat(causes).extracting(StatusCause::describe).containsExactlyElementsOf(expected);
  }

  @Test
  void annotationsAreLimitedIn256KiBTotal() throws Exception {
    var meta = (com.fasterxml.jackson.databind.node.ObjectNode) yaml("{name: a}");
    meta.putObject("annotations").put("big", "x".repeat(256 * 1024));
    assertThat(ObjectMetaValidator.validate(meta, false, NameRule.DNS_SUBDOMAIN)).extracting(StatusCause::describe)
        .containsExactly("metadata.annotations: Too long: may not be more than 262144 bytes");
  }

  @Test
  void nameRules() {
    assertThat(NameRule.PATH_SEGMENT.validate("..", false)).containsExactly("may not be '..'");
    assertThat(NameRule.PATH_SEGMENT.validate("a/b%", false)).containsExactly("may not contain '/'", "may not contain '%'");
    assertThat(NameRule.PATH_SEGMENT.validate("Any_Thing", false)).isEmpty();
    assertThat(NameRule.DNS_LABEL.validate("a.b", false)).containsExactly("must not contain dots");
    assertThat(NameRule.DNS_SUBDOMAIN.validate("web-", true)).isEmpty();
  }

  @Test
  void unknownFieldsAndEmbeddedMetadata() throws Exception {
    assertThat(ObjectMetaValidator.unknownFields(yaml("{name: a, foo: 1, labels: {}, bar: 2}"), "metadata"))
        .containsExactly("metadata.foo", "metadata.bar");
    assertThat(ObjectMetaValidator.validateEmbedded(yaml("{labels: {x: y}}"), "spec.template.metadata")).isEmpty();
    assertThat(ObjectMetaValidator.validateEmbedded(yaml("{name: A}"), "spec.template.metadata"))
        .extracting(StatusCause::field).containsExactly("spec.template.metadata.name");
  }
}
