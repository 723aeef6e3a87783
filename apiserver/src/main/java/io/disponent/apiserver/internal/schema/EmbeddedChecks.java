package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.meta.ObjectMetaValidator;
import java.util.List;
import java.util.Locale;

/**
 * An {@code x-kubernetes-embedded-resource} object: apiVersion and kind required, metadata
 * validated as ObjectMeta (apiextensions' {@code validateEmbeddedResource}).
 */
final class EmbeddedChecks {

  private EmbeddedChecks() {}

  static void check(JsonNode obj, FieldPath path, List<StatusCause> out) {
    FieldPath apiVersionPath = path.child("apiVersion");
    FieldPath kindPath = path.child("kind");
    JsonNode apiVersion = obj.get("apiVersion");
    JsonNode kind = obj.get("kind");
    if (apiVersion == null) {
      out.add(StatusCause.required(apiVersionPath.toString(), "must not be empty"));
    } else if (!apiVersion.isTextual()) {
      out.add(StatusCause.invalid(apiVersionPath.toString(), apiVersion, "must be a string"));
    } else if (apiVersion.asText().isEmpty()) {
      out.add(StatusCause.invalid(apiVersionPath.toString(), "", "must not be empty"));
    } else if (apiVersion.asText().chars().filter(c -> c == '/').count() > 1) {
      out.add(StatusCause.invalid(apiVersionPath.toString(), apiVersion.asText(),
          "unexpected GroupVersion string: " + apiVersion.asText()));
    }
    if (kind == null) {
      out.add(StatusCause.required(kindPath.toString(), "must not be empty"));
    } else if (!kind.isTextual()) {
      out.add(StatusCause.invalid(kindPath.toString(), kind, "must be a string"));
    } else if (kind.asText().isEmpty()) {
      out.add(StatusCause.invalid(kindPath.toString(), "", "must not be empty"));
    } else {
      List<String> errs = Dns1035.validate(kind.asText().toLowerCase(Locale.ROOT));
      if (!errs.isEmpty()) {
        out.add(StatusCause.invalid(kindPath.toString(), kind.asText(),
            "may have mixed case, but should otherwise match: " + String.join(",", errs)));
      }
    }
    out.addAll(ObjectMetaValidator.validateEmbedded(obj.get("metadata"), path.child("metadata").toString()));
  }
}
