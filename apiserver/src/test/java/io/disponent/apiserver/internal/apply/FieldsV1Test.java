package io.disponent.apiserver.internal.apply;

import static io.disponent.apiserver.internal.apply.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disponent.apiserver.internal.json.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsV1Test {

  /** fieldsV1 trees as Kubernetes writes them (keys in its order), with paths they hold. */
  static Stream<Arguments> kubernetesExamples() {
    return Stream.of(
        // kubectl apply --server-side of a Deployment
        Arguments.of("""
            {"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{\
            "f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{\
            ".":{},"f:image":{},"f:name":{},"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{\
            ".":{},"f:containerPort":{}}}}}}}}}""",
            9,
            ".spec.template.spec.containers[name=\"nginx\"].ports[containerPort=80,protocol=\"TCP\"].containerPort"),
        // kubectl create of a Deployment (Update): new maps and pointers are members too
        Arguments.of("""
            {"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:progressDeadlineSeconds":{},\
            "f:replicas":{},"f:revisionHistoryLimit":{},"f:selector":{},"f:strategy":{"f:rollingUpdate":{\
            ".":{},"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}}}}""",
            10,
            ".spec.strategy.rollingUpdate.maxSurge"),
        // a set list (finalizers) and an annotation with a slash
        Arguments.of("""
            {"f:metadata":{"f:annotations":{"f:kubectl.kubernetes.io/last-applied-configuration":{}},\
            "f:finalizers":{".":{},"v:\\"example.com/cleanup\\"":{}}}}""",
            3,
            ".metadata.finalizers[=\"example.com/cleanup\"]"),
        // the status subresource of a Pod
        Arguments.of("""
            {"f:status":{"f:conditions":{"k:{\\"type\\":\\"Ready\\"}":{".":{},"f:lastProbeTime":{},\
            "f:status":{},"f:type":{}}},"f:phase":{}}}""",
            5,
            ".status.conditions[type=\"Ready\"].status"),
        // an index, for lists without keys
        Arguments.of("{\"f:spec\":{\"f:items\":{\"i:0\":{\".\":{},\"f:a\":{}},\"i:1\":{}}}}", 3, ".spec.items[1]"));
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("kubernetesExamples")
  void roundTripsByteForByte(String fieldsV1, int members, String somePath) {
    FieldSet set = FieldsV1.decode(json(fieldsV1));
    assertThat(set.size()).isEqualTo(members);
    assertThat(set.paths()).extracting(FieldPath::toString).contains(somePath);
    assertThat(Json.string(FieldsV1.encode(set))).isEqualTo(fieldsV1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[]", "{'.':{}}", "{'f:a':1}", "{'x:a':{}}", "{'f:a':{'.':{'f:b':{}}}}", "{'k:notjson':{}}",
      "{'i:one':{}}", "{'f':{}}"})
  void refusesWhatIsNoFieldsV1(String tree) {
    assertThatThrownBy(() -> FieldsV1.decode(json(tree))).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void encodesInStructuredMergeDiffOrder() {
    FieldSet set = FieldSet.of(
        FieldPath.fields("spec", "z"),
        FieldPath.fields("spec", "ports").child(PathElement.key(json("{'protocol':'TCP','port':80}"))),
        FieldPath.fields("spec", "ports").child(PathElement.key(json("{'protocol':'TCP','port':80}"))).field("port"),
        FieldPath.fields("spec", "a"));
    assertThat(Json.string(FieldsV1.encode(set))).isEqualTo(
        "{\"f:spec\":{\"f:a\":{},\"f:ports\":{\"k:{\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:port\":{}}},"
            + "\"f:z\":{}}}");
  }
}
