package io.disponent.apiserver.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaulterTest {

  private static final String SCHEMA = """
      type: object
      properties:
        metadata: {type: object, properties: {name: {type: string, default: x}}}
        spec:
          type: object
          default: {}
          properties:
            replicas: {type: integer, default: 1}
            mode: {type: string, default: fast}
            maybe: {type: string, nullable: true, default: d}
            nested:
              type: object
              default: {}
              properties:
                a: {type: string, default: A}
            list:
              type: array
              items:
                type: object
                default: {}
                properties:
                  p: {type: string, default: P}
            map:
              type: object
              additionalProperties:
                type: object
                properties:
                  q: {type: integer, default: 7}
            embedded:
              type: object
              x-kubernetes-embedded-resource: true
              properties:
                metadata: {type: object, properties: {name: {type: string, default: nope}}}
                spec: {type: object, properties: {r: {type: boolean, default: true}}}
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("absent spec gets its default, then recursion fills it",
            "{metadata: {}}",
            "{metadata: {}, spec: {replicas: 1, mode: fast, maybe: d, nested: {a: A}}}"),
        Arguments.of("present values win",
            "{spec: {replicas: 3, mode: slow, maybe: m, nested: {a: Z}}}",
            "{spec: {replicas: 3, mode: slow, maybe: m, nested: {a: Z}}}"),
        Arguments.of("null of a non-nullable field is defaulted; a nullable null stays",
            "{spec: {replicas: null, maybe: null, nested: {a: B}}}",
            "{spec: {replicas: 1, mode: fast, maybe: null, nested: {a: B}}}"),
        Arguments.of("array items, null items, and additionalProperties values",
            "{spec: {nested: {}, list: [{}, null, {p: x}], map: {k: {}, l: {q: 1}}}}",
            "{spec: {replicas: 1, mode: fast, maybe: d, nested: {a: A}, list: [{p: P}, {p: P}, {p: x}], map: {k: {q: 7}, l: {q: 1}}}}"),
        Arguments.of("embedded resource: its metadata untouched, its spec defaulted",
            "{spec: {nested: {}, embedded: {apiVersion: v1, kind: X, metadata: {}, spec: {}}}}",
            "{spec: {replicas: 1, mode: fast, maybe: d, nested: {a: A}, embedded: {apiVersion: v1, kind: X, metadata: {}, spec: {r: true}}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void defaults(String name, String in, String expected) {
    ObjectNode obj = TestSchemas.object(in);
    Defaulter.apply(TestSchemas.schema(SCHEMA), obj);
    assertThat(obj).isEqualTo(TestSchemas.yaml(expected));
  }

  @Test
  void defaultsAreDeepCopies() {
    Schema s = TestSchemas.schema(SCHEMA);
    ObjectNode a = TestSchemas.object("{}");
    ObjectNode b = TestSchemas.object("{}");
    Defaulter.apply(s, a);
    ((ObjectNode) a.get("spec")).put("mode", "changed");
    Defaulter.apply(s, b);
    assertThat(b.at("/spec/mode").asText()).isEqualTo("fast");
    assertThat(s.properties().get("spec").defaultValue()).isEqualTo(TestSchemas.yaml("{}"));
  }

  @Test
  void taskDefaults() {
    ObjectNode task = TestSchemas.object("""
        apiVersion: disponent.io/v1
        kind: Task
        metadata: {name: t}
        spec:
          shell: x
          ports: [{name: http}]
          healthChecks: [{type: TCP, portName: http}]
          readinessChecks: [{type: HTTP, portName: http}]
        """);
    Defaulter.apply(TestSchemas.crdSchema("tasks.disponent.io"), task);
    assertThat(task.get("spec")).isEqualTo(TestSchemas.yaml("""
        shell: x
        ports: [{name: http, protocol: TCP}]
        healthChecks: [{type: TCP, portName: http, gracePeriodSeconds: 300, intervalSeconds: 60, timeoutSeconds: 20, maxConsecutiveFailures: 3}]
        readinessChecks: [{type: HTTP, portName: http, intervalSeconds: 30, timeoutSeconds: 10, httpStatusCodesForReady: [200]}]
        resources: {cpus: 1, memory: 128Mi, disk: 0}
        killGracePeriodSeconds: 3
        """));
    assertThat(task.get("metadata")).isEqualTo(TestSchemas.yaml("{name: t}"));
  }

  @Test
  void aNewTaskIsStagingAndAReportedStateStays() {
    ObjectNode created = TestSchemas.object("apiVersion: disponent.io/v1\nkind: Task\nmetadata: {name: t}\nspec: {shell: x}\n");
    Defaulter.apply(TestSchemas.crdSchema("tasks.disponent.io"), created);
    assertThat(created.get("status")).isEqualTo(TestSchemas.yaml("{state: STAGING}"));

    ObjectNode running = TestSchemas.object(
        "apiVersion: disponent.io/v1\nkind: Task\nmetadata: {name: t}\nspec: {shell: x}\nstatus: {state: RUNNING}\n");
    Defaulter.apply(TestSchemas.crdSchema("tasks.disponent.io"), running);
    assertThat(running.at("/status/state").asText()).isEqualTo("RUNNING");
  }
}
