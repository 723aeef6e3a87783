package io.disponent.apiserver.internal.apply;

import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 409 of an apply that would change fields other managers own, worded as Kubernetes'
 * {@code NewConflictError}: one {@code FieldManagerConflict} cause per field, a message kubectl
 * prints as is.
 */
final class FieldManagerConflicts {

  private FieldManagerConflicts() {}

  static ApiException of(Map<ManagedFieldsEntry, FieldSet> conflicts) {
    List<Map.Entry<ManagedFieldsEntry, FieldSet>> byManager = conflicts.entrySet().stream()
        .sorted(Comparator.comparing(e -> describe(e.getKey())))
        .collect(Collectors.toList());
    List<StatusCause> causes = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Map.Entry<ManagedFieldsEntry, FieldSet> entry : byManager) {
      String manager = describe(entry.getKey());
      lines.add("conflicts with " + manager + ":");
      for (FieldPath path : entry.getValue().paths()) {
        causes.add(new StatusCause("FieldManagerConflict", "conflict with " + manager, path.toString()));
        lines.add("- " + path);
      }
    }
    String message = causes.size() == 1
        ? "Apply failed with 1 conflict: " + causes.get(0).message() + ": " + causes.get(0).field()
        : "Apply failed with " + causes.size() + " conflicts: " + String.join("\n", lines);
    return new ApiException(409, "Conflict", message, new ApiException.Details(null, null, null, causes, null));
  }

  /** {@code "kubectl-edit" using v1}, {@code "kubectl"}, {@code "x" with subresource "status"}. */
  static String describe(ManagedFieldsEntry manager) {
    String out = quote(manager.manager());
    if (!manager.subresource().isEmpty()) {
      out += " with subresource " + quote(manager.subresource());
    }
    if (manager.operation() == ManagedFieldsEntry.Operation.Update) {
      out += " using " + manager.apiVersion();
    }
    return out;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
