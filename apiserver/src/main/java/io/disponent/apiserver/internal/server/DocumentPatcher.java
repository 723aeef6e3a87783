package io.disponent.apiserver.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disponent.apiserver.internal.errors.ApiException;
import io.disponent.apiserver.internal.patch.JsonPatch;
import io.disponent.apiserver.internal.patch.MergePatch;
import io.disponent.apiserver.internal.registry.ResourceType;
import io.disponent.apiserver.internal.rest.Patcher;

/**
 * Merge and JSON patches for every kind; strategic merge patches only for the core group's kinds
 * (Namespace, Event), applied as merge patches since their schemas have no patch strategies that
 * differ. Custom kinds answer 415 to strategic merge patches, as Kubernetes does.
 */
public final class DocumentPatcher implements Patcher {

  @Override
  public ObjectNode patch(ResourceType type, ObjectNode current, String mediaType, JsonNode patch) {
    JsonNode result;
    switch (mediaType) {
      case MERGE -> result = MergePatch.apply(current, patch);
      case JSON -> result = JsonPatch.apply(current, patch);
      case STRATEGIC -> {
        if (!type.group().isEmpty()) {
          throw ApiException.unsupportedMediaType("the body of the request was in an unknown format - accepted media "
              + "types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
        }
        result = MergePatch.apply(current, patch);
      }
      default -> throw ApiException.unsupportedMediaType("unsupported patch type " + mediaType);
    }
    if (!(result instanceof ObjectNode o)) {
      throw ApiException.invalid(type.group(), type.kind(), type.qualifiedKind(),
          current.path("metadata").path("name").asText(),
          java.util.List.of(new io.disponent.apiserver.internal.errors.StatusCause("FieldValueInvalid",
              "the patched document is not an object", "")));
    }
    return o;
  }
}
