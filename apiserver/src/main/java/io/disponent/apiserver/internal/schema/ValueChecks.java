package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one value against one schema node that need no recursion: format, enum, pattern,
 * lengths and bounds. Messages are kube-openapi's ({@code <path> in body should match '<re>'}).
 */
final class ValueChecks {

  private ValueChecks() {}

  static void check(Schema s, JsonNode v, FieldPath path, List<StatusCause> out) {
    String at = path + " in body";
    if (!Formats.valid(s.format(), v)) {
      Object shown = v.isTextual() ? v.asText() : v.toString();
      out.add(StatusCause.typeInvalid(path.toString(), shown,
          at + " must be of type " + s.format() + ": " + quote(shown.toString())));
    }
    if (!s.enumValues().isEmpty() && s.enumValues().stream().noneMatch(e -> JsonEquality.equal(e, v))) {
      List<String> allowed = new ArrayList<>();
      s.enumValues().forEach(e -> allowed.add(e.isTextual() ? e.asText() : e.toString()));
      out.add(StatusCause.notSupported(path.toString(), v, allowed));
    }
    if (v.isTextual()) {
      string(s, v.asText(), path, at, out);
    }
    if (v.isNumber()) {
      number(s, v, path, at, out);
    }
  }

  private static void string(Schema s, String text, FieldPath path, String at, List<StatusCause> out) {
    long chars = text.codePointCount(0, text.length());
    if (s.maxLength() != null && chars > s.maxLength()) {
      out.add(StatusCause.tooLong(path.toString(), s.maxLength()));
    }
    if (s.minLength() != null && chars < s.minLength()) {
      out.add(StatusCause.invalid(path.toString(), text, at + " should be at least " + s.minLength() + " chars long"));
    }
    if (s.pattern() != null && Patterns.error(s.pattern()) == null && !Patterns.matches(s.pattern(), text)) {
      out.add(StatusCause.invalid(path.toString(), text, at + " should match '" + s.pattern() + "'"));
    }
  }

  private static void number(Schema s, JsonNode v, FieldPath path, String at, List<StatusCause> out) {
    BigDecimal d = v.decimalValue();
    if (s.minimum() != null) {
      int c = d.compareTo(s.minimum());
      if (s.exclusiveMinimum() ? c <= 0 : c < 0) {
        out.add(StatusCause.invalid(path.toString(), v, at + " should be greater than "
            + (s.exclusiveMinimum() ? "" : "or equal to ") + plain(s.minimum())));
      }
    }
    if (s.maximum() != null) {
      int c = d.compareTo(s.maximum());
      if (s.exclusiveMaximum() ? c >= 0 : c > 0) {
        out.add(StatusCause.invalid(path.toString(), v, at + " should be less than "
            + (s.exclusiveMaximum() ? "" : "or equal to ") + plain(s.maximum())));
      }
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
