package io.disponent.apiserver.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural-schema features the Disponent CRDs use little or not at all, on a synthetic schema. */
class SchemaValidatorTest {

  private static final Schema SCHEMA = TestSchemas.schema("""
      type: object
      properties:
        spec:
          type: object
          properties:
            i32: {type: integer, format: int32}
            ex: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1.5, exclusiveMaximum: true}
            b64: {type: string, format: byte}
            day: {type: string, format: date}
            id: {type: string, format: uuid}
            host: {type: string, format: hostname}
            v4: {type: string, format: ipv4}
            v6: {type: string, format: ipv6}
            net: {type: string, format: cidr}
            qty: {type: string, format: quantity}
            opt: {type: string, nullable: true}
            ios: {x-kubernetes-int-or-string: true}
            labels: {type: object, maxProperties: 1, additionalProperties: {type: string, maxLength: 3}}
            tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}
            pairs:
              type: array
              x-kubernetes-list-type: map
              x-kubernetes-list-map-keys: [a, b]
              items: {type: object, required: [a], properties: {a: {type: string}, b: {type: integer, default: 0}}}
            one: {type: integer, oneOf: [{minimum: 0}, {maximum: 10}]}
            neg: {type: string, not: {enum: [forbidden]}}
            all: {type: string, allOf: [{minLength: 2}, {pattern: '^a'}]}
            free: {type: object, x-kubernetes-preserve-unknown-fields: true}
            pod:
              type: object
              x-kubernetes-embedded-resource: true
              x-kubernetes-preserve-unknown-fields: true
            ruled:
              type: object
              properties: {n: {type: integer}}
              x-kubernetes-validations:
                - {rule: 'self.n > 0', messageExpression: "'n is ' + string(self.n)", fieldPath: .n, reason: FieldValueForbidden}
                - {rule: 'self.n != 2'}
                - {rule: 'self.n < 100', reason: FieldValueRequired, message: too big}
      """);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("valid", """
            {i32: 2147483647, ex: 1.2, b64: aGk=, day: '2024-02-29', id: 123e4567-e89b-12d3-a456-426614174000,
             host: a-b.example.com, v4: 10.0.0.1, v6: '::ffff:10.0.0.1', net: 'fd00::/8', qty: 1.5Gi, opt: null, ios: 3,
             labels: {k: abc}, tags: [a, b], pairs: [{a: x}, {a: x, b: 1}], one: 20, neg: ok, all: ab, free: {x: {y: 1}},
             pod: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {anything: 1}}, ruled: {n: 1}}
            """, List.of()),
        Arguments.of("formats", """
            {i32: 2147483648, b64: 'a', day: '2023-02-29', id: 'nope', host: '-x', v4: 256.1.1.1, v6: '1::2::3', net: 10.0.0.0/33, qty: 1.5Gb}
            """, List.of(
            "spec.i32: Invalid value: \"2147483648\": spec.i32 in body must be of type int32: \"2147483648\"",
            "spec.b64: Invalid value: \"a\": spec.b64 in body must be of type byte: \"a\"",
            "spec.day: Invalid value: \"2023-02-29\": spec.day in body must be of type date: \"2023-02-29\"",
            "spec.id: Invalid value: \"nope\": spec.id in body must be of type uuid: \"nope\"",
            "spec.host: Invalid value: \"-x\": spec.host in body must be of type hostname: \"-x\"",
            "spec.v4: Invalid value: \"256.1.1.1\": spec.v4 in body must be of type ipv4: \"256.1.1.1\"",
            "spec.v6: Invalid value: \"1::2::3\": spec.v6 in body must be of type ipv6: \"1::2::3\"",
            "spec.net: Invalid value: \"10.0.0.0/33\": spec.net in body must be of type cidr: \"10.0.0.0/33\"",
            "spec.qty: Invalid value: \"1.5Gb\": spec.qty in body must be of type quantity: \"1.5Gb\"")),
        Arguments.of("exclusive bounds, int-or-string, map values", "{ex: 1.5, ios: true, labels: {a: abcd, b: x}}", List.of(
            "spec.ex: Invalid value: 1.5: spec.ex in body should be less than 1.5",
            "spec.ios: Invalid value: \"boolean\": spec.ios in body must be of type integer,string: \"boolean\"",
            "spec.labels: Too many: 2: must have at most 1 items",
            "spec.labels[a]: Too long: may not be more than 3 bytes")),
        Arguments.of("set and multi-key map lists", "{tags: [a, b, a, a], pairs: [{a: x}, {a: x, b: 0}, {a: y, b: 1}, {b: 2}]}", List.of(
            "spec.tags[2]: Duplicate value: \"a\"",
            "spec.tags[3]: Duplicate value: \"a\"",
            "spec.pairs[1]: Duplicate value: map[string]interface {}{\"a\":\"x\", \"b\":int64(0)}",
            "spec.pairs[3].a: Required value")),
        Arguments.of("oneOf, not, allOf", "{one: 5, neg: forbidden, all: b}", List.of(
            "spec.one: Invalid value: \"\": spec.one in body must validate one and only one schema (oneOf). Found 2 valid alternatives",
            "spec.neg: Invalid value: \"\": spec.neg in body must not validate the schema (not)",
            "spec.all: Invalid value: \"b\": spec.all in body should be at least 2 chars long",
            "spec.all: Invalid value: \"b\": spec.all in body should match '^a'",
            "spec.all: Invalid value: \"\": spec.all in body must validate all the schemas (allOf)")),
        Arguments.of("embedded resource needs apiVersion and kind", "{pod: {kind: 'no such', metadata: {name: P}}}", List.of(
            "spec.pod.apiVersion: Required value: must not be empty",
            "spec.pod.kind: Invalid value: \"no such\": may have mixed case, but should otherwise match: a DNS-1035 label must"
                + " consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an"
                + " alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            "spec.pod.metadata.name: Invalid value: \"P\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex"
                + " used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
        Arguments.of("rule reason, fieldPath and messageExpression", "{ruled: {n: -1}}", List.of(
            "spec.ruled.n: Forbidden: n is -1")),
        Arguments.of("default rule message", "{ruled: {n: 2}}", List.of(
            "spec.ruled: Invalid value: \"object\": failed rule: self.n != 2")),
        Arguments.of("rule reason Required", "{ruled: {n: 100}}", List.of(
            "spec.ruled: Required value: too big")),
        Arguments.of("rule evaluation error is a cause", "{ruled: {}}", List.of(
            "spec.ruled: Invalid value: \"object\": evaluation error at <input>:4: key 'n' is not present in map.",
            "spec.ruled: Invalid value: \"object\": evaluation error at <input>:4: key 'n' is not present in map.",
            "spec.ruled: Invalid value: \"object\": evaluation error at <input>:4: key 'n' is not present in map.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validates(String name, String spec, List<String> expected) {
    var obj = TestSchemas.yaml("{apiVersion: x/v1, kind: X, metadata: {name: a}, spec: " + spec.strip() + "}");
    assertThat(SchemaValidator.validate(SCHEMA, obj)).extracting(StatusCause::describe).containsExactlyElementsOf(expected);
  }
}
