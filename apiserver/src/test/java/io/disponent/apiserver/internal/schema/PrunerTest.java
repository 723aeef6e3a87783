package io.disponent.apiserver.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrunerTest {

  private static final String SCHEMA = """
      type: object
      properties:
        spec:
          type: object
          properties:
            ports:
              type: array
              items: {type: object, properties: {name: {type: string}}}
            labels: {type: object, additionalProperties: {type: string}}
            nested: {type: object, additionalProperties: {type: object, properties: {a: {type: string}}}}
            free:
              type: object
              x-kubernetes-preserve-unknown-fields: true
              properties:
                known: {type: object, properties: {k: {type: string}}}
            template:
              type: object
              x-kubernetes-embedded-resource: true
              properties:
                spec: {type: object, properties: {s: {type: string}}}
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing unknown",
            "{apiVersion: v1, kind: X, metadata: {name: a, labels: {x: y}}, spec: {ports: [{name: a}], labels: {any: thing}}}",
            "{apiVersion: v1, kind: X, metadata: {name: a, labels: {x: y}}, spec: {ports: [{name: a}], labels: {any: thing}}}",
            List.of()),
        Arguments.of("unknown fields at every level, in order",
            "{foo: 1, metadata: {name: a, bogus: 1}, spec: {bar: 2, ports: [{name: a, x: 1}, {y: 2}], nested: {k: {a: b, c: d}}}, status: {}}",
            "{metadata: {name: a}, spec: {ports: [{name: a}, {}], nested: {k: {a: b}}}}",
            List.of("metadata.bogus", "foo", "spec.bar", "spec.ports[0].x", "spec.ports[1].y", "spec.nested[k].c", "status")),
        Arguments.of("preserve-unknown-fields keeps unknowns but prunes its declared properties",
            "{spec: {free: {anything: {deep: 1}, known: {k: v, z: 1}}}}",
            "{spec: {free: {anything: {deep: 1}, known: {k: v}}}}",
            List.of("spec.free.known.z")),
        Arguments.of("embedded resource keeps apiVersion, kind and ObjectMeta",
            "{spec: {template: {apiVersion: v1, kind: Pod, metadata: {name: p, what: 1}, spec: {s: x, t: y}, extra: 1}}}",
            "{spec: {template: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {s: x}}}}",
            List.of("spec.template.metadata.what", "spec.template.spec.t", "spec.template.extra")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void prunes(String name, String in, String expected, List<String> removed) {
    ObjectNode obj = TestSchemas.object(in);
    assertThat(Pruner.prune(TestSchemas.schema(SCHEMA), obj)).containsExactlyElementsOf(removed);
    assertThat(obj).isEqualTo(TestSchemas.yaml(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crds")
  void aValidObjectOfEveryCrdKeepsItsDeclaredFields(String crd) {
    ObjectNode obj = TestSchemas.object("{apiVersion: disponent.io/v1, kind: X, metadata: {name: a}, spec: {}, status: {}}");
    Schema s = TestSchemas.crdSchema(crd);
    assertThat(Pruner.prune(s, obj)).isEmpty();
  }

  static Stream<String> crds() {
    return Stream.of(TestSchemas.CRDS);
  }
}
