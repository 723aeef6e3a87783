package io.disponent.apiserver.internal.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A CRD's {@code NamesAccepted} and {@code Established} conditions. The server serves a CRD as
 * soon as its names are accepted, so Established follows NamesAccepted at once, with the reasons
 * and messages of Kubernetes' naming and establishing controllers.
 */
public final class CrdConditions {

  public static final String NAMES_ACCEPTED = "NamesAccepted";
  public static final String ESTABLISHED = "Established";

  private CrdConditions() {}

  /** Both conditions for a new CRD's naming decision, stamped with {@code now} (RFC 3339). */
  public static ArrayNode of(CrdNaming.Result naming, String now) {
    return next(JsonNodeFactory.instance.arrayNode(), naming, now);
  }

  /**
   * The conditions after a naming decision on a CRD that had {@code old}: NamesAccepted follows
   * the decision; an Established CRD stays Established (it keeps serving its accepted names, as in
   * Kubernetes), any other follows the decision. A condition whose status is unchanged keeps its
   * {@code lastTransitionTime}; conditions of other types are kept.
   */
  public static ArrayNode next(JsonNode old, CrdNaming.Result naming, String now) {
    ArrayNode conditions = JsonNodeFactory.instance.arrayNode();
    add(conditions, old, NAMES_ACCEPTED, naming.accepted(), naming.reason(), naming.message(), now);
    if (naming.accepted() || "True".equals(find(old, ESTABLISHED).path("status").asText())) {
      add(conditions, old, ESTABLISHED, true, "InitialNamesAccepted", "the initial names have been accepted", now);
    } else {
      add(conditions, old, ESTABLISHED, false, "NotAccepted", "not all names are accepted", now);
    }
    for (JsonNode c : old) {
      String type = c.path("type").asText();
      if (!type.equals(NAMES_ACCEPTED) && !type.equals(ESTABLISHED)) {
        conditions.add(c.deepCopy());
      }
    }
    return conditions;
  }

  private static JsonNode find(JsonNode conditions, String type) {
    for (JsonNode c : conditions) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return JsonNodeFactory.instance.missingNode();
  }

  /** Whether the CRD may be served: its Established condition is not False (absent counts as served). */
  public static boolean servable(JsonNode crd) {
    for (JsonNode c : crd.path("status").path("conditions")) {
      if (ESTABLISHED.equals(c.path("type").asText())) {
        return !"False".equals(c.path("status").asText());
      }
    }
    return true;
  }

  private static void add(ArrayNode conditions, JsonNode old, String type, boolean status, String reason,
      String message, String now) {
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", status ? "True" : "False");
    JsonNode was = find(old, type);
    boolean same = was.path("status").asText().equals(status ? "True" : "False") && was.hasNonNull("lastTransitionTime");
    c.put("lastTransitionTime", same ? was.path("lastTransitionTime").asText() : now);
    c.put("reason", reason);
    c.put("message", message);
  }
}
