package io.disponent.apiserver.internal.errors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failed API request: an HTTP code, a Kubernetes {@code Status} reason and details. The one
 * exception handler of the server renders it as a {@code Status}; everything below the HTTP layer
 * reports failures by throwing it.
 *
 * @param details null, or {@code name}, {@code group}, {@code kind} and the causes
 */
public final class ApiException extends RuntimeException {

  /** {@code Status.details}. {@code kind} is the resource plural for most reasons, the Kind for Invalid. */
  public record Details(String name, String group, String kind, List<StatusCause> causes, Integer retryAfterSeconds) {
    public Details {
      causes = causes == null ? List.of() : List.copyOf(causes);
    }

    public static Details of(String name, String group, String kind) {
      return new Details(name, group, kind, List.of(), null);
    }
  }

  private final int code;
  private final String reason;
  private final Details details;

  public ApiException(int code, String reason, String message, Details details) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public Details details() {
    return details;
  }

  public List<StatusCause> causes() {
    return details == null ? List.of() : details.causes();
  }

  // The factories below word their messages as the Kubernetes API server does, which kubectl prints.

  public static ApiException notFound(String group, String resource, String name) {
    return new ApiException(404, "NotFound", qualified(group, resource) + " \"" + name + "\" not found",
        Details.of(name, group, resource));
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "NotFound", message, null);
  }

  public static ApiException alreadyExists(String group, String resource, String name) {
    return new ApiException(409, "AlreadyExists", qualified(group, resource) + " \"" + name + "\" already exists",
        Details.of(name, group, resource));
  }

  public static ApiException conflict(String group, String resource, String name, String why) {
    return new ApiException(409, "Conflict",
        "Operation cannot be fulfilled on " + qualified(group, resource) + " \"" + name + "\": " + why,
        Details.of(name, group, resource));
  }

  /** The object was changed since the client read it (stale resourceVersion). */
  public static ApiException staleObject(String group, String resource, String name) {
    return conflict(group, resource, name,
        "the object has been modified; please apply your changes to the latest version and try again");
  }

  /** A server-side apply field-ownership conflict, one cause per contested field. */
  public static ApiException applyConflict(String group, String resource, String name, List<StatusCause> causes) {
    String list = causes.stream().map(c -> "\n- " + c.message()).collect(Collectors.joining());
    String message = "Apply failed with " + causes.size() + " conflict" + (causes.size() == 1 ? "" : "s") + ":" + list;
    return new ApiException(409, "Conflict", message, new Details(name, group, resource, causes, null));
  }

  /** 422 with every cause; {@code qualifiedKind} is e.g. {@code Service.disponent.io}. */
  public static ApiException invalid(String group, String kind, String qualifiedKind, String name, List<StatusCause> causes) {
    String joined = causes.size() == 1
        ? causes.get(0).describe()
        : "[" + causes.stream().map(StatusCause::describe).collect(Collectors.joining(", ")) + "]";
    return new ApiException(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: " + joined,
        new Details(name, group, kind, causes, null));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message, null);
  }

  public static ApiException badRequest(String message, List<StatusCause> causes) {
    return new ApiException(400, "BadRequest", message, new Details(null, null, null, causes, null));
  }

  public static ApiException methodNotAllowed(String message) {
    return new ApiException(405, "MethodNotAllowed", message, null);
  }

  public static ApiException notAcceptable(String message) {
    return new ApiException(406, "NotAcceptable", message, null);
  }

  public static ApiException expired(String message) {
    return new ApiException(410, "Expired", message, null);
  }

  public static ApiException tooLarge(String message) {
    return new ApiException(413, "RequestEntityTooLarge", message, null);
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, "UnsupportedMediaType", message, null);
  }

  public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
    return new ApiException(429, "TooManyRequests", message, new Details(null, null, null, List.of(), retryAfterSeconds));
  }

  public static ApiException internal(String message) {
    return new ApiException(500, "InternalError", message, null);
  }

  /** A 503 the client may retry after {@link RetryAfter#MIN_SECONDS}: the store failed one call. */
  public static ApiException unavailable(String message) {
    return unavailable(message, RetryAfter.MIN_SECONDS);
  }

  public static ApiException unavailable(String message, int retryAfterSeconds) {
    return new ApiException(503, "ServiceUnavailable", message,
        new Details(null, null, null, List.of(), retryAfterSeconds));
  }

  public static ApiException timeout(String message) {
    return new ApiException(504, "Timeout", message, null);
  }

  /** The {@code Status} object for this failure. */
  public ObjectNode toStatus() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode status = f.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", getMessage());
    status.put("reason", reason);
    if (details != null) {
      ObjectNode d = status.putObject("details");
      if (details.name() != null) {
        d.put("name", details.name());
      }
      if (details.group() != null && !details.group().isEmpty()) {
        d.put("group", details.group());
      }
      if (details.kind() != null) {
        d.put("kind", details.kind());
      }
      if (!details.causes().isEmpty()) {
        ArrayNode causes = d.putArray("causes");
        for (StatusCause c : details.causes()) {
          ObjectNode cause = causes.addObject();
          cause.put("reason", c.reason());
          cause.put("message", c.message());
          if (c.field() != null) {
            cause.put("field", c.field());
          }
        }
      }
      if (details.retryAfterSeconds() != null) {
        d.put("retryAfterSeconds", details.retryAfterSeconds());
      }
    }
    status.put("code", code);
    return status;
  }

  private static String qualified(String group, String resource) {
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }
}
