package io.disponent.apiserver.selector;

import java.util.Map;

/** The tokens of the label selector syntax (apimachinery's lexer {@code Token}). */
enum LabelToken {
  ERROR,
  END_OF_STRING,
  CLOSED_PAR,
  COMMA,
  DOES_NOT_EXIST,
  DOUBLE_EQUALS,
  EQUALS,
  GREATER_THAN,
  IDENTIFIER,
  IN,
  LESS_THAN,
  NOT_EQUALS,
  NOT_IN,
  OPEN_PAR;

  /** Literal spellings of the fixed tokens. */
  static final Map<String, LabelToken> BY_LITERAL =
      Map.ofEntries(
          Map.entry(")", CLOSED_PAR),
          Map.entry(",", COMMA),
          Map.entry("!", DOES_NOT_EXIST),
          Map.entry("==", DOUBLE_EQUALS),
          Map.entry("=", EQUALS),
          Map.entry(">", GREATER_THAN),
          Map.entry("in", IN),
          Map.entry("<", LESS_THAN),
          Map.entry("!=", NOT_EQUALS),
          Map.entry("notin", NOT_IN),
          Map.entry("(", OPEN_PAR));

  /** A token and the text it was scanned from. */
  record Item(LabelToken token, String literal) {}
}
