package io.disponent.apiserver.selector;

import io.disponent.apiserver.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * apimachinery's recursive-descent label selector parser, with one difference: an invalid key or
 * value does not stop parsing, so every invalid requirement is reported; a syntax error does.
 */
final class LabelParser {

  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  /** A syntax error: parsing cannot go on. */
  private static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  private final List<LabelToken.Item> items;
  private final List<String> problems = new ArrayList<>();
  private int position;

  private LabelParser(String selector) {
    this.items = new LabelLexer(selector).scanAll();
  }

  /** The requirements in input order; throws listing every problem. */
  static List<Requirement> parse(String selector) {
    LabelParser parser = new LabelParser(selector);
    List<Requirement> requirements = new ArrayList<>();
    try {
      parser.parseSelector(requirements);
    } catch (SyntaxError e) {
      parser.problems.add(e.getMessage());
    }
    if (!parser.problems.isEmpty()) {
      throw new SelectorException(parser.problems);
    }
    return requirements;
  }

  private void parseSelector(List<Requirement> requirements) throws SyntaxError {
    while (true) {
      LabelToken.Item next = lookahead(true);
      switch (next.token()) {
        case IDENTIFIER, DOES_NOT_EXIST -> {
          parseRequirementWrapped(requirements);
          LabelToken.Item after = consume(true);
          switch (after.token()) {
            case END_OF_STRING -> {
              return;
            }
            case COMMA -> {
              LabelToken.Item following = lookahead(true);
              if (following.token() != LabelToken.IDENTIFIER
                  && following.token() != LabelToken.DOES_NOT_EXIST) {
                throw new SyntaxError(
                    "found '" + following.literal() + "', expected: identifier after ','");
              }
            }
            default -> throw new SyntaxError(
                "found '" + after.literal() + "', expected: ',' or 'end of string'");
          }
        }
        case END_OF_STRING -> {
          return;
        }
        default -> throw new SyntaxError(
            "found '" + next.literal() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  private void parseRequirementWrapped(List<Requirement> requirements) throws SyntaxError {
    try {
      parseRequirement(requirements);
    } catch (SyntaxError e) {
      throw new SyntaxError("unable to parse requirement: " + e.getMessage());
    }
  }

  private void parseRequirement(List<Requirement> requirements) throws SyntaxError {
    Operator operator = null;
    LabelToken.Item item = consume(true);
    if (item.token() == LabelToken.DOES_NOT_EXIST) {
      operator = Operator.DOES_NOT_EXIST;
      item = consume(true);
    }
    if (item.token() != LabelToken.IDENTIFIER) {
      throw new SyntaxError("found '" + item.literal() + "', expected: identifier");
    }
    String key = item.literal();
    List<String> keyErrors = Names.validateQualifiedName(key);
    if (!keyErrors.isEmpty()) {
      // apimachinery validates the key with the parser's (nil) field path, printed as <nil>
      problems.add(
          "unable to parse requirement: "
              + GoFormat.invalid("<nil>", GoFormat.quote(key), String.join("; ", keyErrors)));
    }
    LabelToken next = lookahead(true).token();
    if (operator == null && (next == LabelToken.END_OF_STRING || next == LabelToken.COMMA)) {
      operator = Operator.EXISTS;
    }
    List<String> values = List.of();
    if (operator == null) {
      operator = parseOperator();
      values = operator.isSetBased() ? parseValues() : parseExactValue();
    }
    List<String> invalid = Requirement.validate(key, operator, values, false);
    for (String problem : invalid) {
      problems.add("unable to parse requirement: " + problem);
    }
    if (keyErrors.isEmpty() && invalid.isEmpty()) {
      requirements.add(new Requirement(key, operator, values));
    }
  }

  private Operator parseOperator() throws SyntaxError {
    LabelToken.Item item = consume(false);
    switch (item.token()) {
      case IN:
        return Operator.IN;
      case EQUALS:
        return Operator.EQUALS;
      case DOUBLE_EQUALS:
        return Operator.DOUBLE_EQUALS;
      case GREATER_THAN:
        return Operator.GREATER_THAN;
      case LESS_THAN:
        return Operator.LESS_THAN;
      case NOT_IN:
        return Operator.NOT_IN;
      case NOT_EQUALS:
        return Operator.NOT_EQUALS;
      default:
        throw new SyntaxError("found '" + item.literal() + "', expected: " + BINARY_OPERATORS);
    }
  }

  /** {@code (a,b,c)}: a sorted set, in which empty entries stand for the empty value. */
  private List<String> parseValues() throws SyntaxError {
    LabelToken.Item open = consume(true);
    if (open.token() != LabelToken.OPEN_PAR) {
      throw new SyntaxError("found '" + open.literal() + "' expected: '('");
    }
    LabelToken.Item next = lookahead(true);
    switch (next.token()) {
      case IDENTIFIER, COMMA -> {
        List<String> values = parseIdentifiersList();
        consume(true); // the ')' parseIdentifiersList stopped at
        return values;
      }
      case CLOSED_PAR -> {
        consume(true);
        return List.of("");
      }
      default -> throw new SyntaxError(
          "found '" + next.literal() + "', expected: ',', ')' or identifier");
    }
  }

  private List<String> parseIdentifiersList() throws SyntaxError {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      LabelToken.Item item = consume(true);
      switch (item.token()) {
        case IDENTIFIER -> {
          values.add(item.literal());
          LabelToken.Item next = lookahead(true);
          if (next.token() == LabelToken.CLOSED_PAR) {
            return List.copyOf(values);
          }
          if (next.token() != LabelToken.COMMA) {
            throw new SyntaxError("found '" + next.literal() + "', expected: ',' or ')'");
          }
        }
        case COMMA -> {
          if (values.isEmpty()) {
            values.add(""); // "(,"
          }
          LabelToken next = lookahead(true).token();
          if (next == LabelToken.CLOSED_PAR) {
            values.add(""); // ",)"
            return List.copyOf(values);
          }
          if (next == LabelToken.COMMA) {
            consume(true);
            values.add(""); // ",,"
          }
        }
        default -> throw new SyntaxError(
            "found '" + item.literal() + "', expected: ',', or identifier");
      }
    }
  }

  private List<String> parseExactValue() throws SyntaxError {
    LabelToken next = lookahead(true).token();
    if (next == LabelToken.END_OF_STRING || next == LabelToken.COMMA) {
      return List.of("");
    }
    LabelToken.Item item = consume(true);
    if (item.token() == LabelToken.IDENTIFIER) {
      return List.of(item.literal());
    }
    throw new SyntaxError("found '" + item.literal() + "', expected: identifier");
  }

  /** The current item; in value context the keywords {@code in}/{@code notin} are identifiers. */
  private LabelToken.Item lookahead(boolean valueContext) {
    return asContext(items.get(position), valueContext);
  }

  private LabelToken.Item consume(boolean valueContext) {
    return asContext(items.get(position++), valueContext);
  }

  private static LabelToken.Item asContext(LabelToken.Item item, boolean valueContext) {
    if (valueContext
        && (item.token() == LabelToken.IN || item.token() == LabelToken.NOT_IN)) {
      return new LabelToken.Item(LabelToken.IDENTIFIER, item.literal());
    }
    return item;
  }
}
