package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Field ownership for writes that are not applies (create, update, merge and JSON patch), after
 * Kubernetes' field manager: the fields a write adds or changes become the writer's (one Update
 * entry per manager, apiVersion and subresource), other managers lose them, and fields the write
 * removes are dropped from every entry.
 *
 * <p>The managed fields a request carries follow Kubernetes: an empty list ({@code []}, or one
 * empty entry) resets them; a valid non-empty list replaces the stored one (clients may edit
 * ownership directly); anything else (absent, null, unreadable) keeps the stored entries.
 * Subresource writes always keep the stored entries. An object with no entries to start from
 * (created, or never tracked) has all its fields attributed to the writer.
 */
public final class UpdateTracker {

  private UpdateTracker() {}

  /**
   * The managed fields of {@code newObj} after {@code manager} wrote it. Neither object is
   * modified; write the result with {@link ManagedFieldsEntry#write}.
   *
   * @param oldObj the stored object, null on create
   * @param newObj the object as the write leaves it, possibly carrying client-sent managed fields
   * @param subresource {@code ""} or null for the main resource
   */
  public static List<ManagedFieldsEntry> track(ObjectNode oldObj, ObjectNode newObj, String manager, Schema schema,
      String apiVersion, Instant now, String subresource) {
    String sub = subresource == null ? "" : subresource;
    JsonNode requested = newObj.path("metadata").get("managedFields");
    List<ManagedFieldsEntry> base;
    boolean reset = false;
    if (!sub.isEmpty() || requested == null || requested.isNull()) {
      base = ManagedFieldsEntry.readOrEmpty(oldObj);
    } else if (isReset(requested)) {
      base = List.of();
      reset = true;
    } else {
      base = readOr(requested, oldObj);
    }

    JsonNode before = base.isEmpty() && !reset || oldObj == null ? null : ServerSideApply.withoutManagedFields(oldObj);
    Comparison comparison = Comparison.of(schema, before, ServerSideApply.withoutManagedFields(newObj));
    FieldSet changed = comparison.changed();

    ManagedFieldsEntry writer = ManagedFieldsEntry.of(manager, ManagedFieldsEntry.Operation.Update, apiVersion, now,
        FieldSet.EMPTY, sub);
    ManagedFieldsEntry previous = null;
    List<ManagedFieldsEntry> out = new ArrayList<>();
    for (ManagedFieldsEntry entry : base) {
      FieldSet kept = entry.fieldsV1().difference(changed).difference(comparison.removed());
      ManagedFieldsEntry updated = kept.equals(entry.fieldsV1()) ? entry : entry.withFields(kept);
      if (entry.sameManager(writer)) {
        previous = updated;
      } else if (!kept.isEmpty()) {
        out.add(updated);
      }
    }
    if (!changed.isEmpty()) {
      FieldSet owned = previous == null ? changed : previous.fieldsV1().union(changed);
      out.add(writer.withFields(owned, now));
    } else if (previous != null && !previous.fieldsV1().isEmpty()) {
      out.add(previous);
    }
    out.sort(ManagedFieldsEntry.ORDER);
    return List.copyOf(out);
  }

  /** {@code []} or {@code [{}]}: Kubernetes' request to clear managed fields. */
  static boolean isReset(JsonNode requested) {
    return requested.isArray()
        && (requested.isEmpty() || requested.size() == 1 && requested.get(0).isObject() && requested.get(0).isEmpty());
  }

  private static List<ManagedFieldsEntry> readOr(JsonNode requested, ObjectNode oldObj) {
    try {
      List<ManagedFieldsEntry> entries = ManagedFieldsEntry.readList(requested);
      return entries.isEmpty() ? ManagedFieldsEntry.readOrEmpty(oldObj) : entries;
    } catch (IllegalArgumentException e) {
      return ManagedFieldsEntry.readOrEmpty(oldObj);
    }
  }
}
