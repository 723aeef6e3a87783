package io.disponent.apiserver.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinCrdsTest {

  /**
   * kubectl decodes /openapi/v3 into Go structs: one non-string description (YAML reads an
   * unquoted {@code description: True, False or Unknown.} in a flow mapping as the boolean true)
   * fails the whole group-version document, and kubectl then refuses every create/apply of the
   * group with "failed to download openapi".
   */
  @Test
  void schemaKeywordsThatGoReadsAsStringsAreStringsAndNoKeyIsNull() {
    List<String> bad = new ArrayList<>();
    for (JsonNode crd : BuiltinCrds.all()) {
      walk(crd.path("spec"), crd.path("metadata").path("name").asText(), bad);
    }
    assertThat(bad).isEmpty();
  }

  private static void walk(JsonNode node, String path, List<String> bad) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String key = e.getKey();
        // a property named like a keyword (properties.type) holds a schema object: not a keyword
        boolean stringKeyword = !e.getValue().isObject() && (key.equals("description") || key.equals("format")
            || key.equals("pattern") || key.equals("title") || key.equals("type"));
        if (stringKeyword && !e.getValue().isTextual()) {
          bad.add(path + "." + key + " = " + e.getValue());
        }
        // an unquoted comma in a flow mapping cuts a description and leaves the rest as a null key
        if (e.getValue().isNull()) {
          bad.add(path + "." + key + " is null (an unquoted comma in a flow mapping?)");
        }
        walk(e.getValue(), path + "." + key, bad);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", bad);
      }
    }
  }
}
