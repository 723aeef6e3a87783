package io.disponent.apiserver.selector;

import java.util.List;

/** Go's {@code %q} and {@code %#v} for the values that appear in apimachinery's messages. */
final class GoFormat {

  private GoFormat() {}

  /** {@code strconv.Quote} for printable text and the common control characters. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 0x07 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case 0x0b -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** {@code %#v} of a {@code []string}; an empty list prints as Go's nil slice. */
  static String stringSlice(List<String> values) {
    if (values.isEmpty()) {
      return "[]string(nil)";
    }
    StringBuilder sb = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(quote(values.get(i)));
    }
    return sb.append('}').toString();
  }

  /** A {@code field.Invalid} error's text: {@code path: Invalid value: value: detail}. */
  static String invalid(String path, String formattedValue, String detail) {
    return path + ": Invalid value: " + formattedValue + ": " + detail;
  }
}
