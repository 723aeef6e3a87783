package io.disponent.apiserver.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrdValidatorTest {

  private static final String ROOT = "spec.versions[0].schema.openAPIV3Schema";

  static Stream<String> crds() {
    return Stream.of(TestSchemas.CRDS);
  }

  @ParameterizedTest
  @MethodSource("crds")
  void disponentCrdsAreValid(String name) {
    assertThat(CrdValidator.validate(TestSchemas.crd(name))).isEmpty();
  }

  private static ObjectNode schemaOf(ObjectNode crd) {
    return (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema");
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("name not plural.group", (Consumer<ObjectNode>) c -> ((ObjectNode) c.get("metadata")).put("name", "task.disponent.io"),
            List.of("metadata.name: Invalid value: \"task.disponent.io\": must be spec.names.plural+\".\"+spec.group")),
        Arguments.of("group without a dot", (Consumer<ObjectNode>) c -> {
          ((ObjectNode) c.get("spec")).put("group", "disponent");
          ((ObjectNode) c.get("metadata")).put("name", "tasks.disponent");
        }, List.of("spec.group: Invalid value: \"disponent\": should be a domain with at least one dot")),
        Arguments.of("bad scope and names", (Consumer<ObjectNode>) c -> {
          ((ObjectNode) c.get("spec")).put("scope", "Global");
          ((ObjectNode) c.at("/spec/names")).put("kind", "task").put("listKind", "task").remove("singular");
        }, List.of(
            "spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"",
            "spec.names.singular: Required value",
            "spec.names.kind: Invalid value: \"task\": must be UpperCamelCase",
            "spec.names.listKind: Invalid value: \"task\": must be UpperCamelCase",
            "spec.names.listKind: Invalid value: \"task\": kind and listKind may not be the same")),
        Arguments.of("no storage version, bad version name", (Consumer<ObjectNode>) c -> {
          ((ObjectNode) c.at("/spec/versions/0")).put("storage", false).put("name", "V1");
        }, List.of(
            "spec.versions[0].name: Invalid value: \"V1\": a DNS-1035 label must consist of lower case alphanumeric characters"
                + " or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',"
                + "  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            "spec.versions: Invalid value: [\"V1\"]: must have exactly one version marked as storage version")),
        Arguments.of("untyped property, $ref, root not object", (Consumer<ObjectNode>) c -> {
          schemaOf(c).put("type", "array");
          ((ObjectNode) schemaOf(c).at("/properties/spec")).remove("type");
          ((ObjectNode) schemaOf(c).at("/properties/status")).put("$ref", "#/x");
        }, List.of(
            ROOT + ".type: Invalid value: \"array\": must be object at the root",
            ROOT + ".items: Required value: must be specified",
            ROOT + ".properties[spec].type: Required value: must not be empty for specified object fields",
            ROOT + ".properties[status].$ref: Forbidden: $ref is forbidden in structural schemas")),
        Arguments.of("rule that does not compile, bad pattern, default that fails its schema", (Consumer<ObjectNode>) c -> {
          ((ObjectNode) schemaOf(c).at("/properties/spec/x-kubernetes-validations/0")).put("rule", "self.command ==");
          ((ObjectNode) schemaOf(c).at("/properties/spec/properties/user")).put("pattern", "([a-z");
          ((ObjectNode) schemaOf(c).at("/properties/spec/properties/killGracePeriodSeconds")).put("default", 7200);
        }, List.of(
            ROOT + ".properties[spec].x-kubernetes-validations[0].rule: Invalid value: \"self.command ==\": compilation failed: "
                + "ERROR: <input>:1:16: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null',"
                + " NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | self.command ==\n | ...............^",
            ROOT + ".properties[spec].properties[killGracePeriodSeconds].default: Invalid value: 7200: "
                + ROOT + ".properties[spec].properties[killGracePeriodSeconds].default in body should be less than or equal to 3600",
            ROOT + ".properties[spec].properties[user].pattern: Invalid value: \"([a-z\": must be a valid regular expression, but isn't: Unclosed character class")),
        Arguments.of("map keys must be required, printer column path", (Consumer<ObjectNode>) c -> {
          ((ObjectNode) schemaOf(c).at("/properties/spec/properties/ports/items")).putArray("required");
          ((ObjectNode) c.at("/spec/versions/0/additionalPrinterColumns/0")).put("jsonPath", "status.state");
        }, List.of(
            ROOT + ".properties[spec].properties[ports].x-kubernetes-list-map-keys[0]: Invalid value: \"name\": "
                + "entries must all be names of required properties or have a default value",
            "spec.versions[0].additionalPrinterColumns[0].jsonPath: Invalid value: \"status.state\": must be a simple json path starting with .")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void reportsWhatIsWrong(String name, Consumer<ObjectNode> breakIt, List<String> expected) {
    ObjectNode crd = TestSchemas.crd("tasks.disponent.io");
    breakIt.accept(crd);
    assertThat(CrdValidator.validate(crd)).extracting(StatusCause::describe).containsExactlyElementsOf(expected);
  }
}
