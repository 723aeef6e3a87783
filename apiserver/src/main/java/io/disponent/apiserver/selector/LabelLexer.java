package io.disponent.apiserver.selector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a label selector string into tokens exactly as apimachinery's lexer does: whitespace is
 * space, tab, CR or LF; {@code = ! ( ) , > <} are special; anything else forms identifiers; a NUL
 * character ends a token, and ends the input where a token would begin.
 */
final class LabelLexer {

  private final String s;
  private int pos;

  LabelLexer(String s) {
    this.s = s;
  }

  /** All tokens, ending with {@link LabelToken#END_OF_STRING}. */
  List<LabelToken.Item> scanAll() {
    List<LabelToken.Item> items = new ArrayList<>();
    while (true) {
      LabelToken.Item item = lex();
      items.add(item);
      if (item.token() == LabelToken.END_OF_STRING) {
        return items;
      }
    }
  }

  private LabelToken.Item lex() {
    char ch = read();
    while (isWhitespace(ch)) {
      ch = read();
    }
    if (ch == 0) {
      return new LabelToken.Item(LabelToken.END_OF_STRING, "");
    }
    pos--;
    return isSpecial(ch) ? scanSpecialSymbol() : scanIdOrKeyword();
  }

  private LabelToken.Item scanIdOrKeyword() {
    StringBuilder buffer = new StringBuilder();
    while (true) {
      char ch = read();
      if (ch == 0) {
        break;
      }
      if (isSpecial(ch) || isWhitespace(ch)) {
        pos--;
        break;
      }
      buffer.append(ch);
    }
    String literal = buffer.toString();
    LabelToken keyword = LabelToken.BY_LITERAL.get(literal);
    return new LabelToken.Item(keyword != null ? keyword : LabelToken.IDENTIFIER, literal);
  }

  private LabelToken.Item scanSpecialSymbol() {
    StringBuilder buffer = new StringBuilder();
    LabelToken.Item last = null;
    while (true) {
      char ch = read();
      if (ch == 0) {
        break;
      }
      if (!isSpecial(ch)) {
        pos--;
        break;
      }
      buffer.append(ch);
      LabelToken token = LabelToken.BY_LITERAL.get(buffer.toString());
      if (token != null) {
        last = new LabelToken.Item(token, buffer.toString());
      } else if (last != null) {
        pos--;
        break;
      }
    }
    if (last == null) {
      return new LabelToken.Item(LabelToken.ERROR, "error expected: keyword found '" + buffer + "'");
    }
    return last;
  }

  private char read() {
    if (pos < s.length()) {
      return s.charAt(pos++);
    }
    return 0;
  }

  private static boolean isWhitespace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
  }

  private static boolean isSpecial(char ch) {
    return ch == '=' || ch == '!' || ch == '(' || ch == ')' || ch == ',' || ch == '>' || ch == '<';
  }
}
