package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.List;

/** allOf, anyOf, oneOf and not: value validations, with go-openapi's messages. */
final class Combinators {

  private Combinators() {}

  static void check(Schema s, JsonNode v, FieldPath path, List<StatusCause> out) {
    String at = path + " in body";
    if (!s.allOf().isEmpty()) {
      boolean all = true;
      for (Schema branch : s.allOf()) {
        List<StatusCause> causes = run(branch, v, path);
        all &= causes.isEmpty();
        out.addAll(causes);
      }
      if (!all) {
        out.add(StatusCause.invalid(path.toString(), "", at + " must validate all the schemas (allOf)"));
      }
    }
    if (!s.anyOf().isEmpty()) {
      List<StatusCause> best = null;
      for (Schema branch : s.anyOf()) {
        List<StatusCause> causes = run(branch, v, path);
        if (causes.isEmpty()) {
          best = null;
          break;
        }
        best = best == null || causes.size() < best.size() ? causes : best;
      }
      if (best != null) {
        out.add(StatusCause.invalid(path.toString(), "", at + " must validate at least one schema (anyOf)"));
        out.addAll(best);
      }
    }
    if (!s.oneOf().isEmpty()) {
      int valid = 0;
      List<StatusCause> best = null;
      for (Schema branch : s.oneOf()) {
        List<StatusCause> causes = run(branch, v, path);
        if (causes.isEmpty()) {
          valid++;
        } else if (best == null || causes.size() < best.size()) {
          best = causes;
        }
      }
      if (valid == 0) {
        out.add(StatusCause.invalid(path.toString(), "",
            at + " must validate one and only one schema (oneOf). Found none valid"));
        out.addAll(best);
      } else if (valid > 1) {
        out.add(StatusCause.invalid(path.toString(), "",
            at + " must validate one and only one schema (oneOf). Found " + valid + " valid alternatives"));
      }
    }
    if (s.not() != null && run(s.not(), v, path).isEmpty()) {
      out.add(StatusCause.invalid(path.toString(), "", at + " must not validate the schema (not)"));
    }
  }

  private static List<StatusCause> run(Schema branch, JsonNode v, FieldPath path) {
    ValidationWalk walk = new ValidationWalk(false);
    walk.node(branch, v, null, path, false);
    return walk.causes;
  }
}
