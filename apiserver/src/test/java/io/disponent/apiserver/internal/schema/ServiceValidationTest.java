package io.disponent.apiserver.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Service CRD: its template's Task rules and its constraint rules. */
class ServiceValidationTest {

  private static final Schema SERVICE = TestSchemas.crdSchema("services.disponent.io");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("valid", """
            {instances: 2, template: {metadata: {labels: {app: web}}, spec: {image: nginx, ports: [{name: http}],
             healthChecks: [{type: HTTP, portName: http}]}}, constraints: [{field: hostname, operator: UNIQUE}]}
            """, List.of()),
        Arguments.of("template rules", """
            {template: {spec: {command: [a], shell: b, ports: [{name: http}, {name: http}], healthChecks: [{type: TCP, portName: web}]}}}
            """, List.of(
            "spec.template.spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}",
            "spec.template.spec: Invalid value: \"object\": command and shell are mutually exclusive",
            "spec.template.spec: Invalid value: \"object\": every health check's portName must name one of ports")),
        Arguments.of("constraint rules", """
            {template: {spec: {shell: x}}, constraints: [{field: rack, operator: LIKE}, {field: rack, operator: UNIQUE, value: a}]}
            """, List.of(
            "spec.constraints[0]: Invalid value: \"object\": LIKE, UNLIKE, MAX_PER and IS need a value",
            "spec.constraints[1]: Invalid value: \"object\": UNIQUE takes no value")),
        Arguments.of("template required", "{instances: -1}", List.of(
            "spec.template: Required value",
            "spec.instances: Invalid value: -1: spec.instances in body should be greater than or equal to 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validates(String name, String spec, List<String> expected) {
    var obj = TestSchemas.yaml("{apiVersion: disponent.io/v1, kind: Service, metadata: {name: s}, spec: " + spec.strip() + "}");
    assertThat(SchemaValidator.validate(SERVICE, obj)).extracting(StatusCause::describe).containsExactlyElementsOf(expected);
  }
}
