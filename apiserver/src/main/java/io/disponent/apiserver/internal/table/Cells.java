package io.disponent.apiserver.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.disponent.apiserver.internal.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One printer-column cell from the values its JSONPath selected, as Kubernetes' CRD table
 * convertor renders it: the first value, converted to the column type, or null (kubectl prints
 * {@code <none>}) when missing or of the wrong type. One deliberate difference: a {@code string}
 * column joins several matches ({@code .status.ports[*].hostPort}) with commas, where Kubernetes
 * shows only the first.
 */
final class Cells {

  private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private Cells() {}

  static JsonNode cell(String type, List<JsonNode> values, Instant now) {
    if (values.isEmpty()) {
      return NullNode.instance;
    }
    JsonNode value = values.get(0);
    if (value.isNull()) {
      return NullNode.instance;
    }
    switch (type) {
      case "integer":
        return value.isNumber() ? LongNode.valueOf(value.isIntegralNumber() ? value.longValue() : (long) value.doubleValue())
            : NullNode.instance;
      case "number":
        return value.isNumber() ? DoubleNode.valueOf(value.doubleValue()) : NullNode.instance;
      case "boolean":
        return value.isBoolean() ? BooleanNode.valueOf(value.booleanValue()) : NullNode.instance;
      case "string":
        return TextNode.valueOf(values.stream().filter(v -> !v.isNull()).map(Cells::text).collect(Collectors.joining(",")));
      case "date":
        return value.isTextual() ? TextNode.valueOf(age(value.textValue(), now)) : NullNode.instance;
      default:
        return NullNode.instance;
    }
  }

  /** How Go's {@code fmt.Print} shows a decoded JSON value; maps and arrays as JSON. */
  static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      double d = value.doubleValue();
      if (d != 0 && (Math.abs(d) < 1e-4 || Math.abs(d) >= 1e21)) {
        return String.valueOf(d).replace("E", "e+").replace("e+-", "e-");
      }
      return new BigDecimal(String.valueOf(d)).stripTrailingZeros().toPlainString();
    }
    if (value.isBoolean()) {
      return String.valueOf(value.booleanValue());
    }
    return Json.string(value);
  }

  static String age(String timestamp, Instant now) {
    Instant then;
    try {
      then = OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
    if (then.equals(ZERO_TIME)) {
      return "<unknown>";
    }
    return HumanDuration.format(Duration.between(then, now));
  }
}
