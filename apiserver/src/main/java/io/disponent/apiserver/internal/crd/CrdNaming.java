package io.disponent.apiserver.internal.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a CRD's requested names it may have, as Kubernetes' naming controller decides:
 * a requested name is accepted when it equals the one already accepted or no other CRD of the
 * group uses it (plural, singular and short names among resources, kind and list kind among
 * kinds). A conflict keeps the previously accepted name and sets {@code NamesAccepted} False
 * with the reason of the last conflicting field ({@code PluralConflict}, {@code
 * SingularConflict}, {@code ShortNamesConflict}, {@code KindConflict}, {@code ListKindConflict})
 * and {@code "<name>" is already in use}.
 */
public final class CrdNaming {

  /** The names of the other CRDs of the same group. */
  public record Used(Set<String> resources, Set<String> kinds) {}

  /** The accepted names and the {@code NamesAccepted} condition's status, reason and message. */
  public record Result(ObjectNode acceptedNames, boolean accepted, String reason, String message) {}

  private CrdNaming() {}

  public static Result decide(JsonNode requested, JsonNode accepted, Used used) {
    ObjectNode names = accepted instanceof ObjectNode a ? a.deepCopy() : JsonNodeFactory.instance.objectNode();
    String reason = null;
    String message = null;
    for (String field : List.of("plural", "singular", "shortNames", "kind", "listKind")) {
      String conflict = field.equals("shortNames")
          ? shortNamesConflict(requested, accepted, used.resources())
          : conflict(requested.path(field).asText(""), accepted.path(field).asText(""),
              field.endsWith("ind") ? used.kinds() : used.resources());
      if (conflict != null) {
        reason = Character.toUpperCase(field.charAt(0)) + field.substring(1) + "Conflict";
        message = conflict;
      } else if (field.equals("shortNames")) {
        copyArray(names, requested, field);
      } else {
        putText(names, field, requested.path(field).asText(""));
      }
    }
    copyArray(names, requested, "categories");
    return reason == null
        ? new Result(names, true, "NoConflicts", "no conflicts found")
        : new Result(names, false, reason, message);
  }

  /** Short names already accepted stay ours; a new one must be unused. */
  private static String shortNamesConflict(JsonNode requested, JsonNode accepted, Set<String> used) {
    Set<String> mine = new HashSet<>();
    accepted.path("shortNames").forEach(s -> mine.add(s.asText()));
    List<String> conflicts = new ArrayList<>();
    for (JsonNode s : requested.path("shortNames")) {
      String c = mine.contains(s.asText()) ? null : conflict(s.asText(), "", used);
      if (c != null) {
        conflicts.add(c);
      }
    }
    if (conflicts.isEmpty()) {
      return null;
    }
    return conflicts.size() == 1 ? conflicts.get(0) : "[" + String.join(", ", conflicts) + "]";
  }

  private static String conflict(String requested, String accepted, Set<String> used) {
    if (requested.equals(accepted) || !used.contains(requested)) {
      return null;
    }
    return "\"" + requested + "\" is already in use";
  }

  private static void putText(ObjectNode names, String field, String value) {
    if (value.isEmpty()) {
      names.remove(field);
    } else {
      names.put(field, value);
    }
  }

  private static void copyArray(ObjectNode names, JsonNode requested, String field) {
    if (requested.path(field) instanceof ArrayNode a && !a.isEmpty()) {
      names.set(field, a.deepCopy());
    } else {
      names.remove(field);
    }
  }
}
