package io.disponent.apiserver.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.disponent.apiserver.internal.errors.StatusCause;
import io.disponent.apiserver.internal.meta.ObjectMetaValidator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An {@code x-kubernetes-embedded-resource} object: apiVersion and kind required, metadata
 * validated as ObjectMeta (apiextensions' {@code validateEmbeddedResource}).
 */
final class EmbeddedChecks {

  private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1035 = Pattern.compile(DNS1035_FMT);
  private static final String DNS1035_ERR = "a DNS-1035 label must consist of lower case alphanumeric characters"
      + " or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',"
      + "  or 'abc-123', regex used for validation is '" + DNS1035_FMT + "')";

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
      String lower = kind.asText().toLowerCase(Locale.ROOT);
      StringBuilder errs = new StringBuilder();
      if (lower.length() > 63) {
        errs.append("must be no more than 63 characters");
      }
      if (!DNS1035.matcher(lower).matches()) {
        errs.append(errs.length() > 0 ? "," : "").append(DNS1035_ERR);
      }
      if (errs.length() > 0) {
        out.add(StatusCause.invalid(kindPath.toString(), kind.asText(),
            "may have mixed case, but should otherwise match: " + errs));
      }
    }
    out.addAll(ObjectMetaValidator.validateEmbedded(obj.get("metadata"), path.child("metadata").toString()));
  }
}
