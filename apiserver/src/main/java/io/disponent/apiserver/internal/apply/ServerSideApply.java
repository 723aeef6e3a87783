package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side apply, after structured-merge-diff's {@code Updater.Apply}.
 *
 * <ol>
 *   <li>The configuration is merged into the live object (map lists by key, set lists by value,
 *       atomic values and scalars replaced).
 *   <li>Fields the manager applied last time, omits now and nobody else owns are removed.
 *   <li>Fields the result adds or changes that another manager owns are conflicts: refused unless
 *       {@code force}, in which case they move to the applier.
 *   <li>The manager's Apply entry becomes exactly the fields of the configuration; other managers
 *       lose the fields taken from them and the fields removed; empty entries are dropped.
 * </ol>
 *
 * <p>{@code null} values in the configuration are dropped before anything else: they neither set
 * nor own a field. An object without managed fields (or with unreadable ones) is applied as if
 * nobody owned anything, as Kubernetes does.
 */
public final class ServerSideApply {

  private static final FieldSet PROTECTED = FieldSets.SERVER_OWNED;

  private ServerSideApply() {}

  /**
   * Applies {@code config} for {@code manager}.
   *
   * @param live the stored object, null when the apply creates it
   * @param config the apply configuration (must not carry {@code metadata.managedFields})
   * @param schema the structural schema of the object, null when unknown
   * @param apiVersion the version the configuration is in, recorded in the entry
   * @param subresource {@code ""} or null for the main resource
   * @throws ApiException 400 for a configuration with managed fields or an empty manager, 409 with
   *     one {@code FieldManagerConflict} cause per field on conflicts without {@code force}
   */
  public static ApplyResult apply(ObjectNode live, ObjectNode config, String manager, boolean force, Schema schema,
      String apiVersion, Instant now, String subresource) {
    if (manager == null || manager.isEmpty()) {
      throw ApiException.badRequest("fieldManager is required for apply requests");
    }
    JsonNode configFields = config.path("metadata").get("managedFields");
    if (configFields != null && !configFields.isNull()) {
      throw ApiException.badRequest("metadata.managedFields must be nil");
    }
    String sub = subresource == null ? "" : subresource;
    List<ManagedFieldsEntry> entries = ManagedFieldsEntry.readOrEmpty(live);
    ObjectNode before = live == null ? null : withoutManagedFields(live);
    ObjectNode applied = (ObjectNode) withoutNulls(config);

    ManagedFieldsEntry mine = ManagedFieldsEntry.of(manager, ManagedFieldsEntry.Operation.Apply, apiVersion, now,
        FieldSets.of(schema, applied), sub);
    ManagedFieldsEntry previous = null;
    List<ManagedFieldsEntry> others = new ArrayList<>();
    for (ManagedFieldsEntry entry : entries) {
      if (entry.sameManager(mine)) {
        previous = entry;
      } else {
        others.add(entry);
      }
    }

    JsonNode merged = Merger.merge(schema, before, applied);
    if (previous != null) {
      merged = prune(schema, merged, previous.fieldsV1(), mine.fieldsV1(), others);
    }
    ObjectNode result = (ObjectNode) merged;

    Comparison comparison = Comparison.of(schema, before, result);
    FieldSet changed = comparison.changed();
    Map<ManagedFieldsEntry, FieldSet> conflicts = new LinkedHashMap<>();
    for (ManagedFieldsEntry other : others) {
      FieldSet contested = other.fieldsV1().intersection(changed);
      if (!contested.isEmpty()) {
        conflicts.put(other, contested);
      }
    }
    if (!conflicts.isEmpty() && !force) {
      throw FieldManagerConflicts.of(conflicts);
    }

    List<ManagedFieldsEntry> updated = new ArrayList<>();
    for (ManagedFieldsEntry other : others) {
      FieldSet kept = other.fieldsV1().difference(changed).difference(comparison.removed());
      if (!kept.isEmpty()) {
        updated.add(kept.equals(other.fieldsV1()) ? other : other.withFields(kept));
      }
    }
    boolean objectChanged = before == null || !JsonValues.equal(before, result);
    if (!mine.fieldsV1().isEmpty()) {
      boolean same = previous != null && !objectChanged && previous.fieldsV1().equals(mine.fieldsV1())
          && java.util.Objects.equals(previous.apiVersion(), apiVersion);
      updated.add(same ? previous : mine);
    }
    updated.sort(ManagedFieldsEntry.ORDER);
    ManagedFieldsEntry.write(result, updated);
    boolean changedAny = objectChanged || !updated.equals(sorted(entries));
    return new ApplyResult(result, updated, changedAny);
  }

  /**
   * Removes what the manager owned last time and owns no more, unless another manager (or the new
   * configuration) still owns it; ancestors reached through declared fields count as owned.
   */
  private static JsonNode prune(Schema schema, JsonNode merged, FieldSet last, FieldSet now,
      List<ManagedFieldsEntry> others) {
    FieldSet owned = now;
    for (ManagedFieldsEntry other : others) {
      owned = owned.union(other.fieldsV1());
    }
    FieldSet remove = FieldSets.withNamedAncestors(schema, last)
        .difference(FieldSets.withNamedAncestors(schema, owned))
        .difference(PROTECTED);
    return Remover.remove(schema, merged, remove);
  }

  private static List<ManagedFieldsEntry> sorted(List<ManagedFieldsEntry> entries) {
    List<ManagedFieldsEntry> copy = new ArrayList<>(entries);
    copy.sort(ManagedFieldsEntry.ORDER);
    return copy;
  }

  static ObjectNode withoutManagedFields(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove("managedFields");
    }
    return copy;
  }

  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = io.disponent.apiserver.internal.json.Json.object();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getValue().isNull()) {
          out.set(field.getKey(), withoutNulls(field.getValue()));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = io.disponent.apiserver.internal.json.Json.MAPPER.createArrayNode();
      node.forEach(item -> out.add(withoutNulls(item)));
      return out;
    }
    return node;
  }
}
