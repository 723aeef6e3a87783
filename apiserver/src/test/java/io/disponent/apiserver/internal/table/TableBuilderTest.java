package io.disponent.apiserver.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.discovery.TestResourceTypes;
import io.disponent.apiserver.internal.json.Json;
import io.disponent.apiserver.internal.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableBuilderTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T13:12:00Z"), ZoneOffset.UTC);

  private static final JsonNode TASK = parse("""
      {"apiVersion":"disponent.io/v1","kind":"Task",
       "metadata":{"name":"web-1","namespace":"prod","resourceVersion":"42","labels":{"app":"web"},
                   "creationTimestamp":"2024-05-01T10:00:00Z"},
       "spec":{"nodeName":"n1"},
       "status":{"state":"Running","health":"Healthy","restarts":2,
                 "ports":[{"name":"http","hostPort":31000},{"name":"admin","hostPort":31001}]}}
      """);

  private static final JsonNode PENDING = parse("""
      {"apiVersion":"disponent.io/v1","kind":"Task",
       "metadata":{"name":"web-2","namespace":"prod","creationTimestamp":"2024-05-01T13:07:00Z"},
       "spec":{}}
      """);

  @Test
  void tasksTableGolden() {
    ObjectNode table = TableBuilder.list(TestResourceTypes.named("tasks"), List.of(TASK, PENDING), "57", "tok",
        IncludeObject.METADATA, false, CLOCK);
    String customColumn = "Custom resource definition column (in JSONPath format): ";
    assertThat(Json.string(table)).isEqualTo(compact("""
        {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"57","continue":"tok"},
         "columnDefinitions":[
          {"name":"Name","type":"string","format":"name","description":"%s","priority":0},
          {"name":"State","type":"string","format":"","description":"%s.status.state","priority":0},
          {"name":"Node","type":"string","format":"","description":"%s.spec.nodeName","priority":0},
          {"name":"Ports","type":"string","format":"","description":"%s.status.ports[*].hostPort","priority":1},
          {"name":"Health","type":"string","format":"","description":"%s.status.health","priority":0},
          {"name":"Restarts","type":"integer","format":"","description":"%s.status.restarts","priority":1},
          {"name":"Age","type":"date","format":"","description":"%s.metadata.creationTimestamp","priority":0}],
         "rows":[
          {"cells":["web-1","Running","n1","31000,31001","Healthy",2,"3h12m"],
           "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                     "metadata":{"name":"web-1","namespace":"prod","resourceVersion":"42","labels":{"app":"web"},
                                 "creationTimestamp":"2024-05-01T10:00:00Z"}}},
          {"cells":["web-2",null,null,null,null,null,"5m"],
           "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                     "metadata":{"name":"web-2","namespace":"prod","creationTimestamp":"2024-05-01T13:07:00Z"}}}]}
        """).formatted(Column.NAME_DESCRIPTION, customColumn, customColumn, customColumn, customColumn,
        customColumn, customColumn));
  }

  @Test
  void crdWithoutPrinterColumnsShowsNameAndAge() {
    ResourceType type = TestResourceTypes.namespace();
    ObjectNode table = TableBuilder.list(type, List.of(parse(
        "{\"metadata\":{\"name\":\"prod\",\"creationTimestamp\":\"2024-04-29T13:12:00Z\"}}")), "", null,
        IncludeObject.NONE, false, CLOCK);
    assertThat(Json.string(table)).isEqualTo(compact("""
        {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{},
         "columnDefinitions":[
          {"name":"Name","type":"string","format":"name","description":"%s","priority":0},
          {"name":"Age","type":"date","format":"","description":"%s","priority":0}],
         "rows":[{"cells":["prod","2d"]}]}
        """).formatted(Column.NAME_DESCRIPTION, Column.CREATION_TIMESTAMP_DESCRIPTION.replace("\n", "\\n")));
  }

  @Test
  void singleRowForWatchEventsCarriesTheObject() {
    ObjectNode table = TableBuilder.single(TestResourceTypes.named("tasks"), TASK, IncludeObject.OBJECT, true, CLOCK);
    assertThat(table.has("columnDefinitions")).isFalse();
    assertThat(table.get("metadata").get("resourceVersion").asText()).isEqualTo("42");
    assertThat(table.get("rows")).hasSize(1);
    assertThat(table.get("rows").get(0).get("object")).isEqualTo(TASK);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "integer | 3          | 3",
      "integer | 3.7        | 3",
      "integer | \"3\"      | null",
      "number  | 3          | 3.0",
      "number  | 0.5        | 0.5",
      "boolean | true       | true",
      "boolean | \"true\"   | null",
      "string  | \"x\"      | \"x\"",
      "string  | 4          | \"4\"",
      "string  | 0.5        | \"0.5\"",
      "string  | true       | \"true\"",
      "string  | [\"a\",1]  | \"[\\\"a\\\",1]\"",
      "string  | {\"a\":1}  | \"{\\\"a\\\":1}\"",
      "string  | null       | null",
      "date    | \"2024-05-01T13:11:30Z\" | \"30s\"",
      "date    | \"2024-05-01T14:11:30+01:00\" | \"30s\"",
      "date    | \"yesterday\" | \"<invalid>\"",
      "date    | \"0001-01-01T00:00:00Z\" | \"<unknown>\"",
      "date    | 5          | null",
      "object  | 5          | null",
  })
  void rendersCellsLikeTheCrdTableConvertor(String type, String value, String expected) {
    JsonNode cell = Cells.cell(type, List.of(parse(value)), CLOCK.instant());
    assertThat(Json.string(cell)).isEqualTo(expected);
  }

  @Test
  void missingValuesAreNull() {
    assertThat(Cells.cell("string", List.of(), CLOCK.instant()).isNull()).isTrue();
  }

  @Test
  void includeObjectParses() {
    assertThat(IncludeObject.parse(null)).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.parse("None")).isEqualTo(IncludeObject.NONE);
    assertThat(IncludeObject.parse("Object")).isEqualTo(IncludeObject.OBJECT);
    assertThat(IncludeObject.parse("Metadata")).isEqualTo(IncludeObject.METADATA);
    assertThatThrownBy(() -> IncludeObject.parse("All")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String compact(String json) {
    return json.replaceAll("\\n\\s*", "");
  }

  private static JsonNode parse(String json) {
    return Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
