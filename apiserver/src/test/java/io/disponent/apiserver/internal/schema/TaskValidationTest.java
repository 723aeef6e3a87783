package io.disponent.apiserver.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Task CRD's schema, OpenAPI and CEL parts, on valid and invalid Tasks. */
class TaskValidationTest {

  private static final Schema TASK = TestSchemas.crdSchema("tasks.disponent.io");

  private static final String HEAD = "apiVersion: disponent.io/v1\nkind: Task\nmetadata: {name: t, namespace: default}\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("minimal", "spec: {shell: 'sleep 1'}", List.of()),
        Arguments.of("full", """
            spec:
              image: nginx:1
              command: [nginx, -g, daemon off;]
              env: [{name: A, value: x}, {name: B}]
              resources: {cpus: 250m, memory: 1, disk: 1Gi}
              ports: [{name: http, protocol: TCP, containerPort: 80}, {name: admin, hostPort: 9000}]
              healthChecks: [{type: HTTP, portName: http, path: /healthz, intervalSeconds: 10, timeoutSeconds: 5}]
              readinessChecks: [{type: TCP, portName: admin}, {type: COMMAND, command: ['true']}]
              artifacts: [{uri: 'https://example.com/a.tgz'}]
              nodeName: node-1.example
            status:
              state: RUNNING
              startedAt: '2024-05-01T10:00:00Z'
              ports: [{name: http, hostPort: 31000}]
              conditions: [{type: Ready, status: 'True', lastTransitionTime: '2024-05-01T10:00:00.5+02:00', reason: Up, message: ''}]
            """, List.of()),
        Arguments.of("integral float is an integer, as in Kubernetes", "spec: {shell: x, killGracePeriodSeconds: 5.0}", List.of()),
        Arguments.of("spec required", "status: {}", List.of("spec: Required value")),
        Arguments.of("command and shell", "spec: {command: [a], shell: b}",
            List.of("spec: Invalid value: \"object\": command and shell are mutually exclusive")),
        Arguments.of("nothing to run", "spec: {env: []}",
            List.of("spec: Invalid value: \"object\": one of command, shell or image is required")),
        Arguments.of("health check names no port", """
            spec: {shell: x, ports: [{name: http}], healthChecks: [{type: TCP, portName: web}]}
            """, List.of("spec: Invalid value: \"object\": every health check's portName must name one of ports")),
        Arguments.of("readiness check without any ports", """
            spec: {shell: x, readinessChecks: [{type: HTTP, portName: web}]}
            """, List.of("spec: Invalid value: \"object\": every readiness check's portName must name one of ports")),
        Arguments.of("duplicate port names", "spec: {shell: x, ports: [{name: http}, {name: admin}, {name: http}]}",
            List.of("spec.ports[2]: Duplicate value: map[string]interface {}{\"name\":\"http\"}")),
        Arguments.of("check rules on list items", """
            spec:
              shell: x
              ports: [{name: http}]
              healthChecks: [{type: COMMAND, portName: http, path: /}, {type: HTTP, portName: http, timeoutSeconds: 9, intervalSeconds: 9}]
            """, List.of(
                "spec.healthChecks[0]: Invalid value: \"object\": a COMMAND check needs command",
                "spec.healthChecks[0]: Invalid value: \"object\": path is only for HTTP checks",
                "spec.healthChecks[1]: Invalid value: \"object\": timeoutSeconds must be less than intervalSeconds")),
        Arguments.of("every OpenAPI cause at once", """
            spec:
              shell: ''
              killGracePeriodSeconds: 1.5
              env: [{value: x}, {name: 1BAD}]
              ports: [{name: Http, protocol: SCTP, hostPort: 70000}]
              user: 'x'
              command: []
              healthChecks: [{type: HTTP, portName: http}, {type: HTTP, portName: http}, {type: HTTP, portName: http},
                {type: HTTP, portName: http}, {type: HTTP, portName: http}, {type: HTTP, portName: http},
                {type: HTTP, portName: http}, {type: HTTP, portName: http}, {type: HTTP, portName: http}]
            status: {state: DONE, startedAt: yesterday, restarts: '1'}
            """, List.of(
                "spec.shell: Invalid value: \"\": spec.shell in body should be at least 1 chars long",
                "spec.killGracePeriodSeconds: Invalid value: \"number\": spec.killGracePeriodSeconds in body must be of type integer: \"number\"",
                "spec.env[0].name: Required value",
                "spec.env[1].name: Invalid value: \"1BAD\": spec.env[1].name in body should match '^[A-Za-z_][A-Za-z0-9_]*$'",
                "spec.ports[0].name: Invalid value: \"Http\": spec.ports[0].name in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'",
                "spec.ports[0].protocol: Unsupported value: \"SCTP\": supported values: \"TCP\", \"UDP\"",
                "spec.ports[0].hostPort: Invalid value: 70000: spec.ports[0].hostPort in body should be less than or equal to 65535",
                "spec.command: Invalid value: 0: spec.command in body should have at least 1 items",
                "spec.healthChecks: Too many: 9: must have at most 8 items",
                "status.state: Unsupported value: \"DONE\": supported values: \"STAGING\", \"STARTING\", \"RUNNING\", \"KILLING\", \"FINISHED\", \"FAILED\", \"KILLED\", \"ERROR\", \"UNREACHABLE\", \"GONE\"",
                "status.startedAt: Invalid value: \"yesterday\": status.startedAt in body must be of type date-time: \"yesterday\"",
                "status.restarts: Invalid value: \"string\": status.restarts in body must be of type integer: \"string\"",
                "spec: Invalid value: \"object\": command and shell are mutually exclusive",
                "spec: Invalid value: \"object\": every health check's portName must name one of ports")),
        Arguments.of("quantity pattern on the string side of int-or-string", "spec: {shell: x, resources: {cpus: lots, memory: true}}",
            List.of(
                "spec.resources.cpus: Invalid value: \"lots\": spec.resources.cpus in body should match "
                    + "'^(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$'",
                "spec.resources.memory: Invalid value: \"\": spec.resources.memory in body must validate at least one schema (anyOf)",
                "spec.resources.memory: Invalid value: \"boolean\": spec.resources.memory in body must be of type integer: \"boolean\"")),
        Arguments.of("null for a non-nullable field", "spec: {shell: x, user: null}",
            List.of("spec.user: Invalid value: \"null\": spec.user in body must be of type string: \"null\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validates(String name, String spec, List<String> expected) {
    List<StatusCause> causes = SchemaValidator.validate(TASK, TestSchemas.yaml(HEAD + spec));
    assertThat(causes).extracting(StatusCause::describe).containsExactlyElementsOf(expected);
  }

  @Test
  void causesCarryReasonsAndFields() {
    List<StatusCause> causes = SchemaValidator.validate(TASK,
        TestSchemas.yaml(HEAD + "spec: {command: [a], shell: b, ports: [{name: a}, {name: a}], env: [{}]}"));
    assertThat(causes).extracting(StatusCause::reason, StatusCause::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("FieldValueDuplicate", "spec.ports[1]"),
        org.assertj.core.groups.Tuple.tuple("FieldValueRequired", "spec.env[0].name"),
        org.assertj.core.groups.Tuple.tuple("FieldValueInvalid", "spec"));
  }

  @Test
  void nodeNameIsImmutableOnUpdateOnly() {
    var created = TestSchemas.yaml(HEAD + "spec: {shell: x, nodeName: a}");
    var moved = TestSchemas.yaml(HEAD + "spec: {shell: x, nodeName: b}");
    var unbound = TestSchemas.yaml(HEAD + "spec: {shell: x}");
    assertThat(SchemaValidator.validate(TASK, moved)).isEmpty();
    assertThat(SchemaValidator.validate(TASK, created, created)).isEmpty();
    assertThat(SchemaValidator.validate(TASK, moved, unbound)).isEmpty();
    assertThat(SchemaValidator.validate(TASK, moved, created)).extracting(StatusCause::describe)
        .containsExactly("spec.nodeName: Invalid value: \"string\": nodeName is immutable once set");
  }

  @Test
  void rootMetadataIsNotValidatedByTheSchema() {
    var task = TestSchemas.yaml("apiVersion: disponent.io/v1\nkind: Task\nmetadata: {name: 7, labels: []}\nspec: {shell: x}");
    assertThat(SchemaValidator.validate(TASK, task)).isEmpty();
  }
}
