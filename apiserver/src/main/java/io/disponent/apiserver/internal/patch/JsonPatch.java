package io.disponent.apiserver.internal.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.InvalidJsonPatchException;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * JSON patch (RFC 6902), answering failures as Kubernetes does: a document that is not a patch is a
 * 400 BadRequest, a patch that does not apply (missing path, failed {@code test}) a 422 Invalid.
 */
public final class JsonPatch {

  /** Kubernetes refuses longer patches with 413. */
  public static final int MAX_OPERATIONS = 10_000;

  /** Kubernetes' whole message for a patch that does not apply; the detail goes in a cause. */
  public static final String NOT_APPLICABLE = "the server rejected our request due to an error in our request";

  private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");

  private JsonPatch() {}

  /**
   * The result of applying {@code patch} to {@code target}; neither is modified.
   *
   * @throws ApiException 400 for a malformed patch, 413 past {@link #MAX_OPERATIONS}, 422 when an
   *     operation cannot be applied
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    Objects.requireNonNull(target, "target");
    validate(patch);
    JsonNode result = target.deepCopy();
    // One operation at a time: zjsonpatch removes a missing object member silently, RFC 6902 (and
    // Kubernetes) fail the patch.
    for (JsonNode op : patch) {
      String path = op.get("path").asText();
      if (op.get("op").asText().equals("remove") && result.at(path).isMissingNode()) {
        throw notApplicable("unable to remove nonexistent path " + path, path);
      }
      try {
        com.flipkart.zjsonpatch.JsonPatch.applyInPlace(Json.MAPPER.createArrayNode().add(op), result);
      } catch (InvalidJsonPatchException e) {
        throw ApiException.badRequest("invalid JSON patch: " + e.getMessage());
      } catch (JsonPatchApplicationException e) {
        throw notApplicable(e.getMessage(), path);
      }
    }
    return result;
  }

  private static ApiException notApplicable(String detail, String path) {
    return new ApiException(422, "Invalid", NOT_APPLICABLE, new ApiException.Details(null, null, null,
        List.of(new StatusCause("FieldValueInvalid", detail, path)), null));
  }

  private static void validate(JsonNode patch) {
    if (patch == null || !patch.isArray()) {
      throw ApiException.badRequest("invalid JSON patch: the body must be a JSON array of operations, not "
          + (patch == null ? "nothing" : patch.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    if (patch.size() > MAX_OPERATIONS) {
      throw ApiException.tooLarge("Request entity too large: The allowed maximum operations in a JSON patch is "
          + MAX_OPERATIONS + ", got " + patch.size());
    }
    for (int i = 0; i < patch.size(); i++) {
      JsonNode op = patch.get(i);
      String where = "invalid JSON patch: operation " + i;
      if (!op.isObject()) {
        throw ApiException.badRequest(where + " is not an object");
      }
      JsonNode kind = op.get("op");
      if (kind == null || !kind.isTextual()) {
        throw ApiException.badRequest(where + " has no \"op\"");
      }
      if (!OPS.contains(kind.asText())) {
        throw ApiException.badRequest(where + ": unknown op \"" + kind.asText()
            + "\" (expected add, remove, replace, move, copy or test)");
      }
      requirePointer(op, "path", where);
      switch (kind.asText()) {
        case "add", "replace", "test" -> {
          if (!op.has("value")) {
            throw ApiException.badRequest(where + " (" + kind.asText() + ") has no \"value\"");
          }
        }
        case "move", "copy" -> requirePointer(op, "from", where);
        default -> { }
      }
    }
  }

  private static void requirePointer(JsonNode op, String member, String where) {
    JsonNode pointer = op.get(member);
    if (pointer == null || !pointer.isTextual()) {
      throw ApiException.badRequest(where + " has no \"" + member + "\"");
    }
    String text = pointer.asText();
    if (!text.isEmpty() && !text.startsWith("/")) {
      throw ApiException.badRequest(where + ": \"" + member + "\" is not a JSON pointer: \"" + text + "\"");
    }
  }
}
