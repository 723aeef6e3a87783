package io.disponent.apiserver.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.crd.CrdConditions;
import io.disponent.apiserver.internal.crd.CrdDefaults;
import io.disponent.apiserver.internal.crd.CrdNaming;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.registry.Registry;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.registry.ResourceTypes;
import io.disponent.apiserver.internal.rest.KindHooks;
import io.disponent.apiserver.internal.rest.ObjectRules;
import io.disponent.apiserver.internal.schema.CrdValidator;
import io.disponent.apiserver.internal.storage.Keys;
import io.disponent.store.KeyRange;
import io.disponent.store.Op;
import io.disponent.store.Store;
import io.disponent.store.TxnRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CustomResourceDefinitions: defaulted and checked as Kubernetes does, their names accepted unless
 * another CRD of the group holds them (then not served), served before their create returns; on
 * delete their objects go with them.
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
    CrdDefaults.apply(obj);
    JsonNode spec = obj.path("spec");
    CrdNaming.Result naming = CrdNaming.decide(spec.path("names"), JsonNodeFactory.instance.objectNode(),
        usedNames(spec.path("group").asText(), obj.path("metadata").path("name").asText()));
    ObjectNode status = obj.putObject("status"); // what a client sent as status is not kept
    status.set("conditions", CrdConditions.of(naming, ObjectRules.timestamp(clock.instant())));
    status.set("acceptedNames", naming.acceptedNames());
    CrdDefaults.apply(obj);
  }

  /** A change of the names is decided again against the other CRDs, from the names accepted so far. */
  @Override
  public void onUpdate(ObjectNode obj, ObjectNode old) {
    CrdDefaults.apply(obj);
    JsonNode spec = obj.path("spec");
    JsonNode status = old.path("status");
    CrdNaming.Result naming = CrdNaming.decide(spec.path("names"), status.path("acceptedNames"),
        usedNames(spec.path("group").asText(), obj.path("metadata").path("name").asText()));
    ObjectNode next = obj.get("status") instanceof ObjectNode s ? s : obj.putObject("status");
    next.set("conditions", CrdConditions.next(status.path("conditions"), naming,
        ObjectRules.timestamp(clock.instant())));
    next.set("acceptedNames", naming.acceptedNames());
  }

  @Override
  public void applyDefaults(ObjectNode obj) {
    CrdDefaults.apply(obj);
  }

  /** The names the other served CRDs of {@code group} hold. */
  private CrdNaming.Used usedNames(String group, String crdName) {
    Set<String> resources = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (ResourceType t : registry.snapshot().all()) {
      if (t.group().equals(group) && !t.crdName().equals(crdName)) {
        resources.add(t.plural());
        resources.add(t.singular());
        resources.addAll(t.shortNames());
        kinds.add(t.kind());
        kinds.add(t.listKind());
      }
    }
    return new CrdNaming.Used(resources, kinds);
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
