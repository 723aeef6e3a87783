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

  /** Both conditions for a naming decision, stamped with {@code now} (RFC 3339). */
  public static ArrayNode of(CrdNaming.Result naming, String now) {
    ArrayNode conditions = JsonNodeFactory.instance.arrayNode();
    add(conditions, NAMES_ACCEPTED, naming.accepted(), naming.reason(), naming.message(), now);
    if (naming.accepted()) {
      add(conditions, ESTABLISHED, true, "InitialNamesAccepted", "the initial names have been accepted", now);
    } else {
      add(conditions, ESTABLISHED, false, "NotAccepted", "not all names are accepted", now);
    }
    return conditions;
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

  private static void add(ArrayNode conditions, String type, boolean status, String reason, String message,
      String now) {
    ObjectNode c = conditions.addObject();
    c.put("type", type);
    c.put("status", status ? "True" : "False");
    c.put("lastTransitionTime", now);
    c.put("reason", reason);
    c.put("message", message);
  }
}
