package io.disponent.agent.runtime;

import java.util.Map;

/**
 * {@code $(VAR)} references with Kubernetes semantics (a port of
 * {@code third_party/forked/golang/expansion}): {@code $(NAME)} is replaced by the variable's
 * value, {@code $$} is an escaped {@code $} (so {@code $$(NAME)} gives the literal
 * {@code $(NAME)}), a reference to an unknown variable stays as it is, and a {@code $} followed by
 * anything else is kept.
 */
public final class Expansion {
  private Expansion() {}

  public static String expand(String input, Map<String, String> vars) {
    StringBuilder out = new StringBuilder(input.length());
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
        continue;
      }
      out.append(input, checkpoint, cursor);
      char next = input.charAt(cursor + 1);
      int advance = 1;
      if (next == '$') {
        out.append('$');
      } else if (next == '(') {
        int close = input.indexOf(')', cursor + 2);
        if (close < 0) {
          out.append("$(");
        } else {
          String name = input.substring(cursor + 2, close);
          String value = vars.get(name);
          out.append(value != null ? value : "$(" + name + ")");
          advance = close - cursor;
        }
      } else {
        out.append('$').append(next);
      }
      cursor += advance;
      checkpoint = cursor + 1;
    }
    return out.append(input, Math.min(checkpoint, input.length()), input.length()).toString();
  }
}
