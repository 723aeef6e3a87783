package io.disponent.apiserver.internal.rest;

import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The query of a write.
 *
 * @param fieldManager who makes the change (defaults from the User-Agent, as Kubernetes does)
 * @param fieldValidation {@code Strict}, {@code Warn} (the default) or {@code Ignore}
 * @param duplicateFields paths of fields the body had twice (the last one was kept)
 */
public record WriteOptions(boolean dryRun, String fieldManager, String fieldValidation, boolean force,
    List<String> duplicateFields) {

  public WriteOptions(boolean dryRun, String fieldManager, String fieldValidation, boolean force) {
    this(dryRun, fieldManager, fieldValidation, force, List.of());
  }

  /** These options for a body in which {@code fields} (paths) appear twice; fieldValidation decides what that means. */
  public WriteOptions withDuplicateFields(List<String> fields) {
    return new WriteOptions(dryRun, fieldManager, fieldValidation, force, List.copyOf(fields));
  }

  public static WriteOptions parse(Function<String, String> query, String userAgent, boolean apply) {
    List<StatusCause> causes = new ArrayList<>();
    String dryRun = query.apply("dryRun");
    if (dryRun != null && !dryRun.isEmpty() && !dryRun.equals("All")) {
      causes.add(StatusCause.notSupported("dryRun", dryRun, List.of("All")));
    }
    String validation = query.apply("fieldValidation");
    if (validation == null || validation.isEmpty()) {
      validation = "Warn";
    } else if (!List.of("Strict", "Warn", "Ignore").contains(validation)) {
      causes.add(StatusCause.notSupported("fieldValidation", validation, List.of("Ignore", "Strict", "Warn")));
    }
    String manager = query.apply("fieldManager");
    if (manager != null && manager.length() > 128) {
      causes.add(StatusCause.tooLong("fieldManager", 128));
    }
    if (apply && (manager == null || manager.isEmpty())) {
      causes.add(StatusCause.required("fieldManager"));
    }
    String force = query.apply("force");
    Boolean forced = QueryBool.parse(force);
    if (forced == null) {
      causes.add(StatusCause.invalid("force", force, "must be a boolean (true or false)"));
    } else if (!apply && forced) {
      causes.add(StatusCause.forbidden("force", "may not be specified for non-apply patch"));
    }
    if (!causes.isEmpty()) {
      throw ApiException.badRequest(String.join("; ", causes.stream().map(StatusCause::describe).toList()), causes);
    }
    if (manager == null || manager.isEmpty()) {
      manager = defaultManager(userAgent);
    }
    return new WriteOptions("All".equals(dryRun), manager, validation, Boolean.TRUE.equals(forced));
  }

  /** Kubernetes' default field manager: the User-Agent up to its first '/'. */
  static String defaultManager(String userAgent) {
    if (userAgent == null || userAgent.isEmpty()) {
      return "unknown";
    }
    int slash = userAgent.indexOf('/');
    String m = slash < 0 ? userAgent : userAgent.substring(0, slash);
    return m.length() > 128 ? m.substring(0, 128) : m;
  }
}
