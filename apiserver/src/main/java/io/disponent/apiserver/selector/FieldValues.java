package io.disponent.apiserver.selector;

import java.util.List;

/**
 * Escaping of field selector values as apimachinery's {@code fields.EscapeValue} and
 * {@code UnescapeValue}: {@code \\}, {@code \,} and {@code \=} are the only escapes, and an
 * unescaped {@code ,} or {@code =} is not allowed in a value.
 */
public final class FieldValues {

  private FieldValues() {}

  /** Escapes {@code \}, {@code ,} and {@code =} so the value can go into a field selector. */
  public static String escape(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == ',' || c == '=') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * Undoes {@link #escape}.
   *
   * @throws SelectorException on an unknown escape or an unescaped {@code ,} or {@code =}
   */
  public static String unescape(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    boolean inSlash = false;
    for (int i = 0; i < value.length(); i++) {
      int c = value.codePointAt(i);
      i += Character.charCount(c) - 1;
      if (inSlash) {
        if (c != '\\' && c != ',' && c != '=') {
          throw invalidEscape("\\" + Character.toString(c));
        }
        sb.appendCodePoint(c);
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',' || c == '=') {
        // apimachinery prints the rune with %v, i.e. as its code point number
        throw new SelectorException(
            List.of("invalid field selector: unescaped character in value: " + c));
      } else {
        sb.appendCodePoint(c);
      }
    }
    if (inSlash) {
      throw invalidEscape("\\");
    }
    return sb.toString();
  }

  private static SelectorException invalidEscape(String sequence) {
    return new SelectorException(
        List.of("invalid field selector: invalid escape sequence: " + sequence));
  }
}
