package io.disponent.apiserver.internal.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.json.Json;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MergePatchTest {

  /** RFC 7386, appendix A, plus the cases an API server meets. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("{'a':'b'}", "{'a':'c'}", "{'a':'c'}"),
        Arguments.of("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"),
        Arguments.of("{'a':'b'}", "{'a':null}", "{}"),
        Arguments.of("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"),
        Arguments.of("{'a':['b']}", "{'a':'c'}", "{'a':'c'}"),
        Arguments.of("{'a':'c'}", "{'a':['b']}", "{'a':['b']}"),
        Arguments.of("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"),
        Arguments.of("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"),
        Arguments.of("['a','b']", "['c','d']", "['c','d']"),
        Arguments.of("{'a':'b'}", "['c']", "['c']"),
        Arguments.of("{'a':'foo'}", "null", "null"),
        Arguments.of("{'a':'foo'}", "'bar'", "'bar'"),
        Arguments.of("{'e':null}", "{'a':1}", "{'e':null,'a':1}"),
        Arguments.of("[1,2]", "{'a':'b','c':null}", "{'a':'b'}"),
        Arguments.of("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"),
        Arguments.of("{'metadata':{'labels':{'app':'x','tier':'web'}}}",
            "{'metadata':{'labels':{'tier':null,'env':'prod'}}}",
            "{'metadata':{'labels':{'app':'x','env':'prod'}}}"),
        Arguments.of("{'spec':{'n':1}}", "{}", "{'spec':{'n':1}}"));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @MethodSource("cases")
  void appliesAsRfc7386(String target, String patch, String expected) {
    assertThat(MergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
  }

  @Test
  void leavesItsInputsAlone() {
    JsonNode target = json("{'a':{'b':1},'c':2}");
    JsonNode patch = json("{'a':{'b':null,'d':3},'c':null}");
    MergePatch.apply(target, patch);
    assertThat(target).isEqualTo(json("{'a':{'b':1},'c':2}"));
    assertThat(patch).isEqualTo(json("{'a':{'b':null,'d':3},'c':null}"));
  }

  @Test
  void aNullTargetIsAbsent() {
    assertThat(MergePatch.apply(null, json("{'a':{'b':null,'c':1}}"))).isEqualTo(json("{'a':{'c':1}}"));
  }

  static JsonNode json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
