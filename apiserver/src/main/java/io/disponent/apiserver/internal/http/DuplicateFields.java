package io.disponent.apiserver.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.disponent.apiserver.internal.json.Json;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields a JSON body has twice in one object, as dotted paths ({@code metadata.name}, {@code spec.ports[0].name}).
 * Jackson keeps the last one, as Go's decoder does; what to make of it is the request's fieldValidation. YAML bodies
 * never get here: their parser refuses duplicate keys.
 */
final class DuplicateFields {
  private DuplicateFields() {}

  /** The duplicated paths in order of appearance; empty for a body that is not well-formed (the parse reports that). */
  static List<String> in(byte[] json) {
    List<String> found = new ArrayList<>();
    Deque<Scope> scopes = new ArrayDeque<>();
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        switch (t) {
          case START_OBJECT -> scopes.push(new Scope(elementPath(scopes), new HashSet<>(), null));
          case START_ARRAY -> scopes.push(new Scope(elementPath(scopes), null, new int[] {0}));
          case END_OBJECT, END_ARRAY -> {
            scopes.pop();
            advance(scopes);
          }
          case FIELD_NAME -> {
            Scope s = scopes.peek();
            s.field = p.currentName();
            if (!s.names.add(s.field)) {
              found.add(s.path.isEmpty() ? s.field : s.path + "." + s.field);
            }
          }
          default -> advance(scopes);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return found;
  }

  /** The path of the value about to start in the innermost scope. */
  private static String elementPath(Deque<Scope> scopes) {
    Scope s = scopes.peek();
    if (s == null) {
      return "";
    }
    if (s.index != null) {
      return s.path + "[" + s.index[0] + "]";
    }
    return s.path.isEmpty() ? s.field : s.path + "." + s.field;
  }

  /** A value ended: an array moves to its next element. */
  private static void advance(Deque<Scope> scopes) {
    Scope s = scopes.peek();
    if (s != null && s.index != null) {
      s.index[0]++;
    }
  }

  private static final class Scope {
    final String path;
    final Set<String> names;
    final int[] index;
    String field;

    Scope(String path, Set<String> names, int[] index) {
      this.path = path;
      this.names = names;
      this.index = index;
    }
  }
}
