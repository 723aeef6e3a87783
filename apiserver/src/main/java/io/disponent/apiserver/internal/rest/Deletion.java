package io.disponent.apiserver.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.storage.ObjectCodec;
import io.disponent.apiserver.internal.storage.StoredObject;
import io.disponent.crds.vocab.Finalizers;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * One attempt to delete an object read from the store: checks the preconditions, then either marks it
 * for deletion (a finalizer, an orphan/foreground policy or its kind's hook keeps it) or removes it.
 */
final class Deletion {

  private final Commits commits;
  private final Function<ResourceType, KindHooks> hooks;
  private final Clock clock;

  Deletion(Commits commits, Function<ResourceType, KindHooks> hooks, Clock clock) {
    this.commits = commits;
    this.hooks = hooks;
    this.clock = clock;
  }

  WriteResult deleteOne(ResourceType type, StoredObject current, DeleteOptions delete, boolean dryRun) {
    ObjectNode obj = current.copy();
    JsonNode meta = obj.path("metadata");
    checkPreconditions(type, current, meta, delete);
    ObjectNode metadata = ObjectRules.metadata(obj);
    boolean changed = false;
    String finalizer = "Orphan".equals(delete.propagationPolicy()) ? Finalizers.ORPHAN
        : "Foreground".equals(delete.propagationPolicy()) ? Finalizers.FOREGROUND_DELETION : null;
    if (finalizer != null && !meta.has("deletionTimestamp") && !hasFinalizer(obj, finalizer)) {
      ArrayNode fins = metadata.has("finalizers") ? (ArrayNode) metadata.get("finalizers") : metadata.putArray("finalizers");
      fins.add(finalizer);
      changed = true;
    }
    ObjectNode before = obj.deepCopy();
    boolean waits = hooks.apply(type).onDelete(obj);
    changed |= !before.equals(obj);
    boolean pending = waits || metadata.path("finalizers").size() > 0;
    if (pending) {
      if (!metadata.has("deletionTimestamp")) {
        metadata.put("deletionTimestamp", ObjectRules.timestamp(clock.instant()));
        metadata.put("deletionGracePeriodSeconds", 0);
        changed = true;
      }
      if (!changed || dryRun) {
        return new WriteResult(200, obj, List.of());
      }
      long rev = commits.update(current, ObjectCodec.encode(obj));
      return new WriteResult(200, ObjectCodec.withResourceVersion(obj, rev), List.of());
    }
    if (dryRun) {
      return new WriteResult(200, obj, List.of());
    }
    long rev = commits.delete(current);
    ObjectCodec.withResourceVersion(obj, rev);
    hooks.apply(type).afterCommit(obj, true);
    return new WriteResult(200, obj, List.of());
  }

  private static void checkPreconditions(ResourceType type, StoredObject current, JsonNode meta,
      DeleteOptions delete) {
    if (delete.preconditionUid() != null && !delete.preconditionUid().equals(meta.path("uid").asText())) {
      throw ApiException.conflict(type.group(), type.plural(), current.name(), "Precondition failed: UID in precondition: "
          + delete.preconditionUid() + ", UID in object meta: " + meta.path("uid").asText());
    }
    if (delete.preconditionResourceVersion() != null
        && !delete.preconditionResourceVersion().equals(Long.toString(current.revision()))) {
      throw ApiException.conflict(type.group(), type.plural(), current.name(),
          "Precondition failed: ResourceVersion in precondition: " + delete.preconditionResourceVersion()
              + ", ResourceVersion in object meta: " + current.revision());
    }
  }

  static boolean hasFinalizer(JsonNode obj, String finalizer) {
    for (JsonNode f : obj.path("metadata").path("finalizers")) {
      if (f.asText().equals(finalizer)) {
        return true;
      }
    }
    return false;
  }
}
