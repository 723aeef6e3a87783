package io.disponent.apiserver.internal.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.schema.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The fields an object sets, as structured-merge-diff's {@code ToFieldSet} finds them. */
public final class FieldSets {

  /**
   * Fields never owned by anyone: the server sets them. Kubernetes strips these paths (and
   * {@code metadata} itself) from every manager's set; {@code deletionTimestamp} is added here.
   */
  public static final FieldSet SERVER_OWNED = FieldSet.of(
      FieldPath.fields("apiVersion"),
      FieldPath.fields("kind"),
      FieldPath.fields("metadata"),
      FieldPath.fields("metadata", "name"),
      FieldPath.fields("metadata", "namespace"),
      FieldPath.fields("metadata", "uid"),
      FieldPath.fields("metadata", "resourceVersion"),
      FieldPath.fields("metadata", "generation"),
      FieldPath.fields("metadata", "creationTimestamp"),
      FieldPath.fields("metadata", "deletionTimestamp"),
      FieldPath.fields("metadata", "selfLink"),
      FieldPath.fields("metadata", "managedFields"));

  private static final FieldPath MANAGED_FIELDS = FieldPath.fields("metadata", "managedFields");

  private FieldSets() {}

  /**
   * The fields {@code object} sets: every scalar; atomic lists and maps as one leaf; each element of
   * a map list (by its keys) or set list (by its value) and the fields below it; each key of a map
   * that is not a declared property. Declared objects are not members themselves, only their
   * fields. Server-owned fields ({@link #SERVER_OWNED}) are left out.
   */
  public static FieldSet of(Schema schema, JsonNode object) {
    List<FieldPath> out = new ArrayList<>();
    walk(schema, FieldPath.ROOT, object, out);
    return strip(FieldSet.of(out));
  }

  /** {@code set} without the server-owned fields. */
  public static FieldSet strip(FieldSet set) {
    return set.difference(SERVER_OWNED).withoutSubtree(MANAGED_FIELDS);
  }

  /**
   * {@code set} plus every ancestor reached through a declared property, so that owning
   * {@code .spec.replicas} counts as owning {@code .spec} too when deciding what to remove
   * (structured-merge-diff's {@code EnsureNamedFieldsAreMembers}).
   */
  static FieldSet withNamedAncestors(Schema schema, FieldSet set) {
    TreeSet<FieldPath> out = new TreeSet<>(set.paths());
    for (FieldPath path : set.paths()) {
      Schema current = schema;
      FieldPath prefix = FieldPath.ROOT;
      for (int i = 0; i < path.size() - 1; i++) {
        PathElement element = path.elements().get(i);
        boolean named = element instanceof PathElement.Field f && Schemas.declared(current, prefix, f.name());
        current = Schemas.child(current, prefix, element);
        prefix = prefix.child(element);
        if (named) {
          out.add(prefix);
        }
      }
    }
    return FieldSet.of(out);
  }

  private static void walk(Schema schema, FieldPath path, JsonNode node, List<FieldPath> out) {
    if (!Schemas.granular(schema, path, node)) {
      if (!path.isRoot()) {
        out.add(path);
      }
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        FieldPath child = path.field(field.getKey());
        walk(Schemas.field(schema, path, field.getKey()), child, field.getValue(), out);
        if (!Schemas.declared(schema, path, field.getKey())) {
          out.add(child);
        }
      }
      return;
    }
    Schemas.elements(schema, node).forEach((element, item) -> {
      FieldPath child = path.child(element);
      walk(Schemas.items(schema), child, item, out);
      out.add(child);
    });
  }
}
