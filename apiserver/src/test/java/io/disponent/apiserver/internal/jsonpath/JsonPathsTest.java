package io.disponent.apiserver.internal.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPathsTest {

  private static final JsonNode TASK = parse("""
      {"metadata":{"name":"web-1","creationTimestamp":"2024-05-01T10:00:00Z"},
       "spec":{"nodeName":"n1","unschedulable":false,"nothing":null},
       "status":{"conditions":[{"type":"Scheduled","status":"True"},{"type":"Ready","status":"False"}],
                 "ports":[{"name":"http","hostPort":31000},{"name":"admin"},{"name":"x","hostPort":31002}]}}
      """);

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of(".spec.nodeName", "[\"n1\"]"),
        Arguments.of("{.spec.nodeName}", "[\"n1\"]"),
        Arguments.of(".spec.unschedulable", "[false]"),
        Arguments.of(".spec.nothing", "[null]"),
        Arguments.of(".metadata.creationTimestamp", "[\"2024-05-01T10:00:00Z\"]"),
        Arguments.of(".status.conditions[?(@.type==\"Ready\")].status", "[\"False\"]"),
        Arguments.of(".status.conditions[?(@.type=='Scheduled')].status", "[\"True\"]"),
        Arguments.of(".status.conditions[?(@.type==\"Gone\")].status", "[]"),
        Arguments.of(".status.ports[*].hostPort", "[31000,31002]"),
        Arguments.of(".status.ports[0].name", "[\"http\"]"),
        Arguments.of(".status.ports[7].name", "[]"),
        Arguments.of(".spec.missing", "[]"),
        Arguments.of(".spec.nodeName.deeper", "[]"),
        Arguments.of(".nope.at.all", "[]"),
        Arguments.of(".status.missing[*].x", "[]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void evaluates(String path, String expected) {
    List<JsonNode> found = JsonPaths.evaluate(TASK, path);
    assertThat(Json.string(Json.MAPPER.valueToTree(found))).isEqualTo(expected);
  }

  @Test
  void rejectsUnparsablePaths() {
    assertThatThrownBy(() -> JsonPaths.validate(".status.conditions[?(@.type==")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void simpleWalksDottedPaths() {
    assertThat(JsonPaths.simple(TASK, ".spec.nodeName").asText()).isEqualTo("n1");
    assertThat(JsonPaths.simple(TASK, "spec.nodeName").asText()).isEqualTo("n1");
    assertThat(JsonPaths.simple(TASK, ".spec.missing").isMissingNode()).isTrue();
    assertThat(JsonPaths.simple(TASK, ".spec.nodeName.x").isMissingNode()).isTrue();
    assertThat(JsonPaths.isSimple(".spec.nodeName")).isTrue();
    assertThat(JsonPaths.isSimple(".status.ports[*].hostPort")).isFalse();
  }

  @Test
  void setCreatesIntermediateObjects() {
    ObjectNode object = (ObjectNode) parse("{\"spec\":{\"instances\":1}}");
    JsonPaths.set(object, ".spec.instances", IntNode.valueOf(3));
    JsonPaths.set(object, ".status.deep.instances", IntNode.valueOf(2));
    assertThat(Json.string(object)).isEqualTo("{\"spec\":{\"instances\":3},\"status\":{\"deep\":{\"instances\":2}}}");
    assertThatThrownBy(() -> JsonPaths.set(object, ".spec.instances.x", IntNode.valueOf(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static JsonNode parse(String json) {
    return Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
