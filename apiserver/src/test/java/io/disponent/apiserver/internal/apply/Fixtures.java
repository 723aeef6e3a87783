package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.schema.Schema;
import io.disponent.apiserver.internal.schema.SchemaParser;

/** Shared test data: a schema exercising every list and map kind, and a JSON shorthand. */
final class Fixtures {

  private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  static final Schema SCHEMA = SchemaParser.parse(json("""
      {"type":"object","properties":{
        "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},
        "spec":{"type":"object","properties":{
          "replicas":{"type":"integer"},
          "image":{"type":"string"},
          "selector":{"type":"object","additionalProperties":{"type":"string"},"x-kubernetes-map-type":"atomic"},
          "env":{"type":"object","additionalProperties":{"type":"string"}},
          "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
            "items":{"type":"object","properties":{"name":{"type":"string"},"port":{"type":"integer"},
              "protocol":{"type":"string"}}}},
          "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
          "args":{"type":"array","items":{"type":"string"}},
          "template":{"type":"object","properties":{"spec":{"type":"object","properties":{
            "containers":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","properties":{"name":{"type":"string"},"image":{"type":"string"},
                "ports":{"type":"array","x-kubernetes-list-type":"map",
                  "x-kubernetes-list-map-keys":["containerPort","protocol"],
                  "items":{"type":"object","properties":{"containerPort":{"type":"integer"},
                    "protocol":{"type":"string"},"hostPort":{"type":"integer"}}}}}}}}}}},
          "config":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}},
        "status":{"type":"object","properties":{"phase":{"type":"string"}}}}}
      """));

  private Fixtures() {}

  /** Parses JSON, single-quoted strings allowed. */
  static JsonNode json(String text) {
    try {
      return LENIENT.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  /** An object of kind Widget named {@code w} with the given spec. */
  static ObjectNode widget(String spec) {
    ObjectNode o = object("{'apiVersion':'disponent.io/v1','kind':'Widget','metadata':{'name':'w'}}");
    o.set("spec", json(spec));
    return o;
  }

  static FieldSet fields(String fieldsV1) {
    return FieldsV1.decode(json(fieldsV1));
  }
}
