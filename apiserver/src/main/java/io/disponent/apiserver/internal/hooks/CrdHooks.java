package io.disponent.apiserver.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.KindHooks;
import io.disponent.apiserver.internal.rest.ObjectRules;
import io.disponent.apiserver.internal.schema.CrdValidator;
import io.disponent.apiserver.internal.storage.Keys;
import io.disponent.apiserver.internal.registry.ResourceTypes;
import io.disponent.store.Op;
import io.disponent.store.KeyRange;
import io.disponent.store.Store;
import io.disponent.store.TxnRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * CustomResourceDefinitions: checked as Kubernetes checks them, accepted at once (a created CRD
 * is served before its create returns), and on delete their objects go with them.
 */
public final class CrdHooks implements KindHooks {

  private final Registry registry;
  private final Store store;
  private final Clock clock;

  public CrdHooks(Registry registry, Store store, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void onCreate(ObjectNode obj) {
    ObjectNode status = obj.putObject("status");
    String now = ObjectRules.timestamp(clock.instant());
    ArrayNode conditions = status.putArray("conditions");
    for (String type : List.of("NamesAccepted", "Established")) {
      ObjectNode c = conditions.addObject();
      c.put("type", type);
      c.put("status", "True");
      c.put("lastTransitionTime", now);
      c.put("reason", type.equals("Established") ? "InitialNamesAccepted" : "NoConflicts");
      c.put("message", type.equals("Established") ? "the initial names have been accepted" : "no conflicts found");
    }
    status.set("acceptedNames", obj.path("spec").path("names").deepCopy());
    ArrayNode stored = status.putArray("storedVersions");
    for (JsonNode v : obj.path("spec").path("versions")) {
      if (v.path("storage").asBoolean(false)) {
        stored.add(v.path("name").asText());
      }
    }
  }

  @Override
  public List<StatusCause> validate(ObjectNode obj, ObjectNode old) {
    List<StatusCause> causes = new ArrayList<>(CrdValidator.validate(obj));
    JsonNode spec = obj.path("spec");
    String group = spec.path("group").asText();
    String plural = spec.path("names").path("plural").asText();
    if (registry.isBuiltin(group, plural)) {
      causes.add(StatusCause.forbidden("spec.names.plural", "the server already serves " + plural
          + (group.isEmpty() ? "" : "." + group) + " as a built-in resource"));
    }
    if (old != null) {
      if (!group.equals(old.path("spec").path("group").asText())) {
        causes.add(StatusCause.invalid("spec.group", group, "field is immutable"));
      }
      if (!spec.path("scope").equals(old.path("spec").path("scope"))) {
        causes.add(StatusCause.invalid("spec.scope", spec.path("scope"), "field is immutable"));
      }
    }
    return causes;
  }

  @Override
  public void afterCommit(ObjectNode obj, boolean deleted) {
    String name = obj.path("metadata").path("name").asText();
    if (!deleted) {
      registry.put(obj);
      return;
    }
    registry.remove(name);
    for (ResourceType type : ResourceTypes.fromCrd(obj)) {
      // Objects of a deleted kind go with it, as Kubernetes' customresourcecleanup finalizer does.
      store.txn(new TxnRequest(List.of(), List.of(new Op.Delete(KeyRange.prefix(Keys.resourcePrefix(type)))), List.of()));
    }
  }
}
