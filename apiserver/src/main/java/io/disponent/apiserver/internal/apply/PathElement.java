package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One step of a {@link FieldPath}: a field of an object, an element of a map list by its keys, an
 * element of a set list by its value, or (only where nothing better exists) a list index. Elements
 * order as structured-merge-diff orders them: fields, then keys, then values, then indexes.
 */
public sealed interface PathElement extends Comparable<PathElement>
    permits PathElement.Field, PathElement.Key, PathElement.Value, PathElement.Index {

  /** {@code f:name}. */
  record Field(String name) implements PathElement {
    @Override
    public String toString() {
      return "." + name;
    }
  }

  /** {@code k:{"name":"http"}}; {@code json} is the key fields as canonical JSON, keys sorted. */
  record Key(String json) implements PathElement {
    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = parse(json).fields();
      fields.forEachRemaining(e -> parts.add(e.getKey() + "=" + JsonValues.canonical(e.getValue())));
      return "[" + String.join(",", parts) + "]";
    }
  }

  /** {@code v:"x"}; {@code json} is the value as canonical JSON. */
  record Value(String json) implements PathElement {
    @Override
    public String toString() {
      return "[=" + json + "]";
    }
  }

  /** {@code i:0}. */
  record Index(int index) implements PathElement {
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  static Field field(String name) {
    return new Field(name);
  }

  /** The element of a map list whose key fields are {@code keyFields} (an object). */
  static Key key(JsonNode keyFields) {
    if (!keyFields.isObject()) {
      throw new IllegalArgumentException("map-list keys must be an object: " + keyFields);
    }
    return new Key(JsonValues.canonical(keyFields));
  }

  static Value value(JsonNode value) {
    return new Value(JsonValues.canonical(value));
  }

  static Index index(int index) {
    return new Index(index);
  }

  /** The key of this element in a {@code fieldsV1} object. */
  default String fieldsV1Key() {
    if (this instanceof Field f) {
      return "f:" + f.name();
    }
    if (this instanceof Key k) {
      return "k:" + k.json();
    }
    if (this instanceof Value v) {
      return "v:" + v.json();
    }
    return "i:" + ((Index) this).index();
  }

  /** Parses a {@code fieldsV1} key ({@code f:}, {@code k:}, {@code v:} or {@code i:}). */
  static PathElement parseFieldsV1Key(String text) {
    if (text.length() < 2 || text.charAt(1) != ':') {
      throw new IllegalArgumentException("not a fieldsV1 path element: " + text);
    }
    String rest = text.substring(2);
    switch (text.charAt(0)) {
      case 'f':
        return field(rest);
      case 'k':
        return key(parse(rest));
      case 'v':
        return value(parse(rest));
      case 'i':
        try {
          return index(Integer.parseInt(rest));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a list index: " + text, e);
        }
      default:
        throw new IllegalArgumentException("not a fieldsV1 path element: " + text);
    }
  }

  private int rank() {
    if (this instanceof Field) {
      return 0;
    }
    if (this instanceof Key) {
      return 1;
    }
    return this instanceof Value ? 2 : 3;
  }

  @Override
  default int compareTo(PathElement other) {
    int byRank = Integer.compare(rank(), other.rank());
    if (byRank != 0) {
      return byRank;
    }
    if (this instanceof Index i) {
      return Integer.compare(i.index(), ((Index) other).index());
    }
    return fieldsV1Key().compareTo(other.fieldsV1Key());
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }
}
