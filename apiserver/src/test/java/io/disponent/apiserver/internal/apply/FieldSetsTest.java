package io.disponent.apiserver.internal.apply;

import static io.disponent.apiserver.internal.apply.Fixtures.SCHEMA;
import static io.disponent.apiserver.internal.apply.Fixtures.fields;
import static io.disponent.apiserver.internal.apply.Fixtures.json;
import static io.disponent.apiserver.internal.apply.Fixtures.widget;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSetsTest {

  static Stream<Arguments> owned() {
    return Stream.of(
        Arguments.of("scalar", "{'replicas':1}", "{'f:spec':{'f:replicas':{}}}"),
        Arguments.of("atomic map as one leaf", "{'selector':{'a':'b'}}", "{'f:spec':{'f:selector':{}}}"),
        Arguments.of("granular map: keys are members", "{'env':{'A':'1'}}", "{'f:spec':{'f:env':{'f:A':{}}}}"),
        Arguments.of("map list by key", "{'ports':[{'name':'http','port':80}]}",
            "{'f:spec':{'f:ports':{'k:{\"name\":\"http\"}':{'.':{},'f:name':{},'f:port':{}}}}}"),
        Arguments.of("set list by value", "{'tags':['b','a']}", "{'f:spec':{'f:tags':{'v:\"a\"':{},'v:\"b\"':{}}}}"),
        Arguments.of("atomic list as one leaf", "{'args':['x','y']}", "{'f:spec':{'f:args':{}}}"),
        Arguments.of("nested map lists, multi-field keys",
            "{'template':{'spec':{'containers':[{'name':'web','ports':[{'containerPort':80,'protocol':'TCP'}]}]}}}",
            "{'f:spec':{'f:template':{'f:spec':{'f:containers':{'k:{\"name\":\"web\"}':{'.':{},'f:name':{},"
                + "'f:ports':{'k:{\"containerPort\":80,\"protocol\":\"TCP\"}':{'.':{},'f:containerPort':{},"
                + "'f:protocol':{}}}}}}}}}"),
        Arguments.of("preserve-unknown-fields: maps granular, lists atomic",
            "{'config':{'a':{'b':1},'l':[1,2]}}",
            "{'f:spec':{'f:config':{'f:a':{'.':{},'f:b':{}},'f:l':{}}}}"),
        Arguments.of("map-list element without its key falls back to the index", "{'ports':[{'port':1}]}",
            "{'f:spec':{'f:ports':{'i:0':{'.':{},'f:port':{}}}}}"),
        Arguments.of("an empty declared object owns nothing", "{}", "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("owned")
  void findsTheFieldsAnObjectSets(String name, String spec, String expected) {
    assertThat(FieldSets.of(SCHEMA, widget(spec))).isEqualTo(fields(expected));
  }

  @Test
  void leavesOutServerOwnedMetadataButKeepsLabelsAndFinalizers() {
    var object = Fixtures.object("""
        {"apiVersion":"v1","kind":"Widget","metadata":{"name":"w","namespace":"n","uid":"u","resourceVersion":"5",
        "generation":2,"creationTimestamp":"2024-01-01T00:00:00Z","deletionTimestamp":"2024-01-02T00:00:00Z",
        "selfLink":"/x","managedFields":[{"manager":"m"}],"labels":{"app":"a"},"finalizers":["x/y"],
        "ownerReferences":[{"uid":"o1","name":"owner"}]}}""");
    assertThat(FieldSets.of(SCHEMA, object)).isEqualTo(fields("""
        {"f:metadata":{"f:finalizers":{"v:\\"x/y\\"":{}},"f:labels":{"f:app":{}},
        "f:ownerReferences":{"k:{\\"uid\\":\\"o1\\"}":{".":{},"f:name":{},"f:uid":{}}}}}"""));
  }

  @Test
  void withoutASchemaListsAreAtomicAndMapsGranular() {
    assertThat(FieldSets.of(null, json("{'spec':{'a':{'b':1},'l':[{'x':1}]}}")))
        .isEqualTo(fields("{'f:spec':{'.':{},'f:a':{'.':{},'f:b':{}},'f:l':{}}}"));
  }
}
