package io.disponent.apiserver.internal.patch;

import static io.disponent.apiserver.internal.patch.MergePatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.ApiException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {

  static Stream<Arguments> applicable() {
    return Stream.of(
        Arguments.of("{'a':1}", "[{'op':'add','path':'/b','value':2}]", "{'a':1,'b':2}"),
        Arguments.of("{'a':[1,2]}", "[{'op':'add','path':'/a/-','value':3}]", "{'a':[1,2,3]}"),
        Arguments.of("{'a':[1,2]}", "[{'op':'add','path':'/a/0','value':0}]", "{'a':[0,1,2]}"),
        Arguments.of("{'a':1,'b':2}", "[{'op':'remove','path':'/a'}]", "{'b':2}"),
        Arguments.of("{'a':1}", "[{'op':'replace','path':'/a','value':{'x':true}}]", "{'a':{'x':true}}"),
        Arguments.of("{'a':{'b':1}}", "[{'op':'move','from':'/a/b','path':'/c'}]", "{'a':{},'c':1}"),
        Arguments.of("{'a':{'b':1}}", "[{'op':'copy','from':'/a','path':'/c'}]", "{'a':{'b':1},'c':{'b':1}}"),
        Arguments.of("{'a':'x'}", "[{'op':'test','path':'/a','value':'x'},{'op':'remove','path':'/a'}]", "{}"),
        Arguments.of("{'metadata':{'labels':{'a/b':'1'}}}", "[{'op':'remove','path':'/metadata/labels/a~1b'}]",
            "{'metadata':{'labels':{}}}"),
        Arguments.of("{'a':1}", "[]", "{'a':1}"));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("applicable")
  void applies(String target, String patch, String expected) {
    JsonNode before = json(target);
    assertThat(JsonPatch.apply(before, json(patch))).isEqualTo(json(expected));
    assertThat(before).isEqualTo(json(target));
  }

  /** Documents that are no patch: 400, with a message that says what is wrong. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{'op':'add'}", "must be a JSON array"),
        Arguments.of("['add']", "operation 0 is not an object"),
        Arguments.of("[{'path':'/a'}]", "operation 0 has no \"op\""),
        Arguments.of("[{'op':'frob','path':'/a'}]", "unknown op \"frob\""),
        Arguments.of("[{'op':'remove'}]", "has no \"path\""),
        Arguments.of("[{'op':'remove','path':'a'}]", "is not a JSON pointer"),
        Arguments.of("[{'op':'add','path':'/a'}]", "has no \"value\""),
        Arguments.of("[{'op':'test','path':'/a','value':1},{'op':'move','path':'/a'}]", "operation 1 has no \"from\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesMalformedPatches(String patch, String detail) {
    ApiException e = catchThrowableOfType(ApiException.class, () -> JsonPatch.apply(json("{'a':1}"), json(patch)));
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.reason()).isEqualTo("BadRequest");
    assertThat(e.getMessage()).contains(detail);
  }

  /** Patches that do not apply: 422 Invalid worded as Kubernetes does, the detail in a cause. */
  static Stream<Arguments> inapplicable() {
    return Stream.of(
        Arguments.of("[{'op':'remove','path':'/missing'}]"),
        Arguments.of("[{'op':'replace','path':'/missing','value':1}]"),
        Arguments.of("[{'op':'add','path':'/x/y','value':1}]"),
        Arguments.of("[{'op':'test','path':'/a','value':2}]"),
        Arguments.of("[{'op':'move','from':'/nope','path':'/b'}]"),
        Arguments.of("[{'op':'add','path':'/l/9','value':1}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inapplicable")
  void answersInapplicablePatchesWith422(String patch) {
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> JsonPatch.apply(json("{'a':1,'l':[]}"), json(patch)));
    assertThat(e.code()).isEqualTo(422);
    assertThat(e.reason()).isEqualTo("Invalid");
    assertThat(e.getMessage()).isEqualTo("the server rejected our request due to an error in our request");
    assertThat(e.causes()).singleElement().satisfies(c -> assertThat(c.message()).isNotBlank());
  }

  @Test
  void refusesTooManyOperations() {
    com.fasterxml.jackson.databind.node.ArrayNode patch = io.disponent.apiserver.internal.json.Json.MAPPER.createArrayNode();
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      patch.addObject().put("op", "test").put("path", "/a").put("value", 1);
    }
    ApiException e = catchThrowableOfType(ApiException.class, () -> JsonPatch.apply(json("{'a':1}"), patch));
    assertThat(e.code()).isEqualTo(413);
    assertThat(e.getMessage()).contains("maximum operations in a JSON patch is 10000, got 10001");
  }
}
